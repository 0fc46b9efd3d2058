using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Pages.Shared;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.CodeTables;

/// <summary>The system administrator's view of the code tables: each entry with the spellings it is read from, which they add and remove.</summary>
public sealed class IndexModel(CodeTableCache codes, EditCodeSynonyms edit, CurrentCadre cadre) : OrgPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Table { get; set; } = CodeTableNames.Education;

    [BindProperty]
    public CodeSynonymInput Input { get; set; } = new(null, null);

    public IReadOnlyList<CodeEntry> Entries { get; private set; } = [];

    public ILookup<string, string> Synonyms { get; private set; } = Array.Empty<string>().ToLookup(s => s);

    protected override string FieldPrefix => "Input.";

    public static string TableName(string table) => table switch
    {
        CodeTableNames.Ethnicity => Loc.T("民族", "Ethnicity"),
        CodeTableNames.Education => Loc.T("学历", "Education"),
        _ => Loc.T("政治面貌", "Political status"),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!EditCodeEntry.Tables.Contains(Table))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        StepAsync(cadre.Has(MemberPermissions.EditCodeTables), () => edit.AddAsync(Table, Input, ct),
            Loc.T($"已添加同义词“{Input.Text?.Trim()}”", $"Added the synonym '{Input.Text?.Trim()}'"), new { Table }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostRemoveAsync(string text, CancellationToken ct) =>
        StepAsync(cadre.Has(MemberPermissions.EditCodeTables), () => edit.RemoveAsync(Table, text, ct),
            Loc.T($"已删除同义词“{text}”", $"Removed the synonym '{text}'"), new { Table }, () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        var snapshot = await codes.SnapshotAsync(ct);
        Entries = snapshot.Entries(Table);
        Synonyms = snapshot.Synonyms(Table).ToLookup(s => s.Code, s => s.Text);
    }
}