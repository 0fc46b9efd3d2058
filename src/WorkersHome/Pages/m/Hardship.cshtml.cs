using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.m;

/// <summary>A member applies for the hardship archive on the phone, adds proof documents, and follows the file.</summary>
[Authorize(Policy = MemberAuthentication.Policy)]
[UploadLimit(HardshipAttachments.Upload, "Form.File")]
public sealed class HardshipModel(FileOwnHardship filing, HardshipQueries queries, HardshipAttachments attachments) : OrgPageModel
{
    [BindProperty]
    public HardshipForm Form { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<HardshipFileView> Mine { get; private set; } = [];

    /// <summary>The file being worked on (not yet left), if any.</summary>
    public HardshipFileView? Open => Mine.FirstOrDefault(f => f.File.Status != HardshipStatus.Exited);

    /// <summary>Whether the member may (re)fill the form: no open file, or one waiting for the union's check or returned.</summary>
    public bool CanFile => Open is null || HardshipFile.Allows(Open.File.Status, HardshipStepKind.Refiled);

    protected override string FieldPrefix => "Form.";

    private Guid MemberId => MemberAuthentication.MemberIdOf(User)!.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form = Open?.ToForm() ?? new();
    }

    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            await filing.ExecuteAsync(MemberId, Form, ct);
            TempData["Notice"] = Loc.T("已提交，工会将核实您的家庭情况", "Filed; the union will check your household's situation");
            return RedirectToPage();
        }, () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            await using var content = Upload?.OpenReadStream() ?? Stream.Null;
            await attachments.AddOwnAsync(MemberId, content, Upload?.FileName, ct);
            TempData["Notice"] = Loc.T("证明材料已上传", "Document added");
            return RedirectToPage();
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct) => Mine = await queries.MineAsync(MemberId, ct);
}