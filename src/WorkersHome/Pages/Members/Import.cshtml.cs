using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Pages.Organizations;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Members;

public sealed class ImportModel(ImportMembers import, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public ImportMode Mode { get; set; } = ImportMode.AllOrNothing;

    public MemberImport? Result { get; private set; }

    public IActionResult OnGet() => cadre.Has(MemberPermissions.Manage) ? Page() : Forbid();

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => RunAsync(async () =>
    {
        if (!cadre.Has(MemberPermissions.Manage))
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("file", Platform.Localization.Loc.T("请选择要导入的文件（.xlsx 或 .csv）", "Choose the file to import (.xlsx or .csv)"));
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Result = await import.ExecuteAsync(stream, Upload.FileName, Mode, ct);
        return Page();
    }, () => Task.CompletedTask);
}