using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Members;

[UploadLimit(ImportLimits.Upload, "file")]
[RequestSizeLimit(ImportLimits.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimits.MaxUploadBytes)]
public sealed class ImportModel(StartImport start, ImportQueries imports, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ImportMode Mode { get; set; } = ImportMode.AllOrNothing;

    /// <summary>The import being followed (from the address, so that a reload keeps it).</summary>
    public ImportView? Current { get; private set; }

    public IReadOnlyList<ImportView> Recent { get; private set; } = [];

    /// <summary>For a file held because a required column was not recognised: its headers and the matches so far.</summary>
    public ImportColumnsView? Columns { get; private set; }

    /// <summary>The cadre's answer: template field → the file's header.</summary>
    [BindProperty]
    public Dictionary<string, string> Chosen { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!cadre.Has(MemberPermissions.Manage))
        {
            return Forbid();
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        if (!cadre.Has(MemberPermissions.Manage))
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("file", Platform.Localization.Loc.T("请选择要导入的文件（.xlsx 或 .csv）", "Choose the file to import (.xlsx or .csv)"));
            Recent = await imports.RecentAsync(10, ct);
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        var import = await start.ExecuteAsync(stream, Upload.FileName, Mode, columns: null, holdWhenUnmatched: true, ct);
        return RedirectToPage(new { id = import.Id });
    }, async () => Recent = await imports.RecentAsync(10, ct));

    public Task<IActionResult> OnPostColumnsAsync(Guid id, CancellationToken ct) => RunAsync(async () =>
    {
        if (!cadre.Has(MemberPermissions.Manage))
        {
            return Forbid();
        }

        await start.ChooseColumnsAsync(id, Chosen, ct);
        return RedirectToPage(new { id });
    }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct) => RunAsync(async () =>
    {
        if (!cadre.Has(MemberPermissions.Manage))
        {
            return Forbid();
        }

        await start.DiscardAsync(id, ct);
        return RedirectToPage(new { id });
    }, () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid? id, CancellationToken ct)
    {
        Current = id is { } followed ? await imports.GetAsync(followed, ct) : null;
        Columns = Current?.State == ImportState.AwaitingColumns ? await imports.ColumnsAsync(Current.Id, ct) : null;
        Recent = await imports.RecentAsync(10, ct);
    }

    public async Task<IActionResult> OnPostRestartAsync(Guid id, CancellationToken ct)
    {
        if (!cadre.Has(MemberPermissions.Manage))
        {
            return Forbid();
        }

        await start.RestartAsync(id, ct);
        return RedirectToPage(new { id });
    }
}