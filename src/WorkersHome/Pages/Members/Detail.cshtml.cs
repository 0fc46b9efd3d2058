using Microsoft.AspNetCore.Mvc;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Browse;
using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Security;

namespace WorkersHome.Pages.Members;

/// <summary>
/// One member for a cadre: the record (masked, with an audited reveal), its correction, status changes with their
/// history, groups, transfers and the service card. Someone else's member answers 404; a cadre sees only the buttons
/// for what they may do, and the handlers check the same permissions again.
/// </summary>
public sealed class DetailModel(MemberDetailQueries details, MemberQueries members, UpdateMember update, ChangeMemberStatus changeStatus,
    CodeTableCache codes, CardQueries cards, IssueCard issueCard, ApplyCardAction applyCardAction, CurrentCadre cadre) : Shared.OrgPageModel
{
    private string _fieldPrefix = "";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public MembershipStatus? NewStatus { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid CardId { get; set; }

    [BindProperty]
    public CardAction? Action { get; set; }

    public MemberDetail Detail { get; private set; } = null!;

    public CardView? Card { get; private set; }

    public RevealedMember? Revealed { get; private set; }

    /// <summary>Which form the errors on the page belong to, so that only that one opens.</summary>
    public string? OpenForm { get; private set; }

    public IReadOnlyList<CodeEntry> Ethnicities { get; private set; } = [];

    public IReadOnlyList<CodeEntry> Educations { get; private set; } = [];

    public IReadOnlyList<CodeEntry> PoliticalStatuses { get; private set; } = [];

    public bool CanManage => cadre.Has(MemberPermissions.Manage);

    public bool CanReveal => cadre.Has(MemberPermissions.Reveal);

    public bool CanManageCards => cadre.Has(CardPermissions.Manage);

    protected override string FieldPrefix => _fieldPrefix;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = MemberInput.Of(Detail.Record);
        Version = Detail.Record.Version;
    }

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken ct)
    {
        if (!CanReveal)
        {
            return Forbid();
        }

        // The same audited reveal as the API: every full view leaves an entry in the audit trail.
        Revealed = await members.RevealAsync(Id, ct);
        await OnGetAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        (_fieldPrefix, OpenForm) = ("Input.", "edit");
        return StepAsync(CanManage, () => update.ExecuteAsync(Id, Version, Input, ct), Loc.T("会员信息已保存", "Member record saved"),
            new { id = Id }, () => LoadAsync(ct));
    }

    public Task<IActionResult> OnPostStatusAsync(CancellationToken ct)
    {
        OpenForm = "status";
        return StepAsync(CanManage, async () =>
        {
            var errors = new FieldErrors();
            if (NewStatus is null || !Enum.IsDefined(NewStatus.Value))
            {
                errors.Add(nameof(NewStatus), "请选择新的会籍状态", "Choose the new membership status");
            }

            if (string.IsNullOrWhiteSpace(Reason))
            {
                errors.Add(nameof(Reason), "请填写变更原因", "Give the reason for the change");
            }
            else if (Reason.Trim().Length > 200)
            {
                errors.Add(nameof(Reason), "变更原因不能超过 200 个字", "The reason may have at most 200 characters");
            }

            errors.ThrowIfAny();
            await changeStatus.ExecuteAsync(Id, Version, NewStatus!.Value, Reason, ct);
        }, Loc.T("会籍状态已变更", "Membership status changed"), new { id = Id }, () => LoadAsync(ct));
    }

    public Task<IActionResult> OnPostIssueCardAsync(CancellationToken ct) =>
        StepAsync(CanManageCards, async () => await issueCard.ExecuteAsync(await cards.MemberAsync(Id, byMember: false, ct), cadre.UserName, ct),
            Loc.T("已发卡", "Card issued"), new { id = Id }, () => LoadAsync(ct));

    public Task<IActionResult> OnPostCardAsync(CancellationToken ct)
    {
        OpenForm = "card";
        return StepAsync(CanManageCards, async () =>
        {
            var card = await cards.FindAsync(CardId, null, ct);
            if (card.MemberId != Id)
            {
                throw new NotFoundException();
            }

            if (Action is not { } action || !Enum.IsDefined(action))
            {
                new FieldErrors().Add(nameof(Action), "请选择要办理的业务", "Choose what to do with the card").ThrowIfAny();
                return;
            }

            if (Reason?.Trim().Length > 200)
            {
                new FieldErrors().Add(nameof(Reason), "原因不能超过 200 个字", "The reason may have at most 200 characters").ThrowIfAny();
            }

            await applyCardAction.ExecuteAsync(card, action, Version, Reason, cadre.UserName, byMember: false, ct);
        }, Loc.T("会员卡业务已办理", "Card updated"), new { id = Id }, () => LoadAsync(ct));
    }

    /// <summary>The first message for a form field, or null; the forms come back as filled in, so a refusal loses nothing.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await details.GetAsync(Id, ct);
        Card = await cards.ForMemberAsync(Id, byMember: false, ct);
        var snapshot = await codes.SnapshotAsync(ct);
        (Ethnicities, Educations, PoliticalStatuses) = (snapshot.Entries(CodeTableNames.Ethnicity), snapshot.Entries(CodeTableNames.Education),
            snapshot.Entries(CodeTableNames.PoliticalStatus));
    }
}