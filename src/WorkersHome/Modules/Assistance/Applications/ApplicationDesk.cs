using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

using static WorkersHome.Modules.Assistance.Programs.ProgramNames;

namespace WorkersHome.Modules.Assistance.Applications;

public sealed record ApplicationDecision(int Version, string? Reason);

/// <summary>A filed application and, for a small desk claim that could not be decided on the spot, why it waits.</summary>
public sealed record FiledApplication(AssistanceApplication Application, LocalizedText? NotOnTheSpot);

public static class ApplicationAuditActions
{
    public const string Step = "assistance.application-step";
    public const string DetailsViewed = "assistance.application-viewed";
}

/// <summary>
/// Applications to assistance programs: filed by the member on the phone or by a cadre, judged by the rules version
/// in force at filing, and approved up the tree by amount. The final approval reserves the amount from the budget of
/// the nearest union that has one, in the same transaction, and is refused when that budget has less left — however
/// many approvers press at once.
/// </summary>
public sealed class ApplicationDesk(
    AppDbContext db, ProgramDesk programs, FundLedger ledger, IMemberDirectory members, Organizations.Contracts.IOrgDirectory orgs,
    Cards.Contracts.ILinkedBankAccounts bankAccounts, ProgramEligibility eligibility,
    PersonalDataProtector protector, NoticeBoard notices, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public const string ByMember = "member";
    private const int MaxDeclared = 10;

    /// <summary>The largest cost a form may state, in yuan.</summary>
    private const decimal MaxCost = 100_000_000;

    public async Task<FiledApplication> FileForMemberAsync(Guid memberId, ApplicationForm form, CancellationToken ct)
    {
        var member = await members.FindInScopeAsync(memberId, ct) ?? throw new NotFoundException();
        var program = await programs.VisibleAsync(form.ProgramId, ct);
        var (application, rules) = await FileAsync(member, program, form, cadre.UserName, ct);
        return new FiledApplication(application, rules is null ? null : await PayOnTheSpotAsync(application, rules, ct));
    }

    /// <summary>
    /// A small claim filed at the union's desk is decided there and then (当场审批): by the cadre who filed it, if they
    /// may decide it otherwise (level, registered identity, not their household) and the budget has room; else it
    /// waits for an approver like any other, and the clerk is told why.
    /// </summary>
    private async Task<LocalizedText?> PayOnTheSpotAsync(AssistanceApplication application, ProgramRules rules, CancellationToken ct)
    {
        if (application.Status != ApplicationStatus.Submitted || rules.OnTheSpotUpTo <= 0 || application.Amount > rules.OnTheSpotUpTo)
        {
            return null;
        }

        try
        {
            await EnsureMayDecideAsync(application, ct, onTheSpot: true);
            await ApproveFinallyAsync(application, new ApplicationDecision(application.Version, Loc.T("小额当场审批支付", "Small claim decided on the spot")), ct, rules);
            return null;
        }
        catch (Exception ex) when (ex is ConflictException or ForbiddenException)
        {
            db.ChangeTracker.Clear();
            return new LocalizedText($"未能当场审批（{ex.Message}），已转交审批人办理", $"Not decided on the spot ({ex.Message}); it waits for an approver");
        }
    }

    public async Task<AssistanceApplication> FileOwnAsync(Guid memberId, ApplicationForm form, CancellationToken ct)
    {
        var member = await members.FindCheckedAsync(memberId, ct) ?? throw new NotFoundException();
        var program = await db.AssistancePrograms.FirstOrDefaultAsync(p => p.Id == form.ProgramId, ct) ?? throw new NotFoundException();
        return (await FileAsync(member, program, form, ByMember, ct)).Application;
    }

    public async Task ApproveAsync(Guid id, ApplicationDecision decision, CancellationToken ct)
    {
        var application = await FindAsync(id, decision.Version, ct);
        await EnsureMayDecideAsync(application, ct);
        if (application.FirstApprover == cadre.UserName)
        {
            throw new ConflictException(Loc.T("您已审批过该申请，须由另一位审批人审批", "You approved this already; a second, different approver must"));
        }

        if (application is { ApproversNeeded: 2, Status: ApplicationStatus.Submitted })
        {
            (application.Status, application.FirstApprover) = (ApplicationStatus.FirstApproved, cadre.UserName);
            await SaveStepAsync(application, decision.Version, ApplicationStepKind.Approved,
                Loc.T("第一审批人同意，待第二审批人审批", "First approver agreed; waiting for the second"), Trim(decision.Reason), ct);
            return;
        }

        await ApproveFinallyAsync(application, decision, ct);
    }

    public async Task RejectAsync(Guid id, ApplicationDecision decision, CancellationToken ct)
    {
        var application = await FindAsync(id, decision.Version, ct);
        await EnsureMayDecideAsync(application, ct);
        var reason = Trim(decision.Reason);
        if (reason is null)
        {
            new FieldErrors().Add(nameof(ApplicationDecision.Reason), "请填写不予批准的原因", "Give the reason for rejecting").ThrowIfAny();
        }

        (application.Status, application.DecidedAt) = (ApplicationStatus.Rejected, clock.GetUtcNow());
        await NotifyAsync(application, Loc.T("帮扶申请未获批准", "Assistance application rejected"),
            Loc.T($"您的帮扶申请未获批准，原因：{reason}", $"Your assistance application was rejected: {reason}"), ct);
        await SaveStepAsync(application, decision.Version, ApplicationStepKind.Rejected, "", reason, ct);
    }

    public async Task WithdrawOwnAsync(Guid memberId, Guid id, int version, CancellationToken ct)
    {
        var application = await db.AssistanceApplications.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id && a.MemberId == memberId, ct)
            ?? throw new NotFoundException();
        Expect(application, version);
        (application.Status, application.DecidedAt) = (ApplicationStatus.Withdrawn, clock.GetUtcNow());
        await SaveStepAsync(application, version, ApplicationStepKind.Withdrawn, "", null, ct, ByMember);
    }

    private async Task ApproveFinallyAsync(AssistanceApplication application, ApplicationDecision decision, CancellationToken ct, ProgramRules? rules = null)
    {
        var key = $"reserve:{application.Id:N}";
        var paths = ProgramDesk.PathsUpTo(application.OrgPath);
        // Read and prepared before the budget row is locked: every statement and every decryption between the
        // reservation and the commit holds up the other approvals of the same budget.
        rules ??= ProgramDesk.Read(await db.ProgramRuleVersions.AsNoTracking().FirstAsync(v => v.Id == application.RuleVersionId, ct));
        var phoneHash = await members.SignInPhoneHashAsync(application.MemberId, ct);
        var payment = await PaymentForAsync(application, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var budget = await db.ProgramBudgets.AsNoTracking().Where(b => b.ProgramId == application.ProgramId && paths.Contains(b.OrgPath))
            .OrderByDescending(b => b.OrgPath.Length).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException(Loc.T("该项目尚未向申请人所在工会分配预算", "No budget of this program covers the applicant's union yet"));
        if (!await ledger.TryReserveAsync(budget.Id, application.Amount, ct))
        {
            throw new ConflictException(Loc.T($"超出年度预算：{budget.OrgName}本项目可用预算不足 {Yuan(application.Amount)} 元",
                $"Over the year's budget: {budget.OrgName} has less than {Yuan(application.Amount)} yuan left in this program"));
        }

        // Under the budget row's lock, so that two claims of one person approved at once both see each other.
        await EnsureWithinPeriodCapAsync(application, rules, ct);
        ledger.Book(application.ProgramId, budget.Id, application.Id, FundEntryKind.Reserved, application.Amount, key);
        payment.BudgetId = budget.Id;
        db.Payments.Add(payment);
        (application.Status, application.BudgetId, application.DecidedAt) = (ApplicationStatus.Approved, budget.Id, clock.GetUtcNow());
        Notify(phoneHash, Loc.T("帮扶申请已批准", "Assistance application approved"),
            Loc.T($"您的帮扶申请已批准，金额 {Yuan(application.Amount)} 元，将按规定发放。", $"Your assistance application is approved: {Yuan(application.Amount)} yuan, to be paid as the rules say."));
        await db.WithoutSavepointsAsync(() => SaveStepAsync(application, decision.Version, ApplicationStepKind.Approved,
            Loc.T($"批准 {Yuan(application.Amount)} 元，占用{budget.OrgName}预算", $"Approved {Yuan(application.Amount)} yuan from {budget.OrgName}'s budget"), Trim(decision.Reason), ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The payment to the account the applicant gave, waiting for finance's next batch (the caller sets the budget it is
    /// paid from). A payout to the service card goes to the account linked now: a member who linked a new bank card
    /// since filing is paid on it; one who unlinked it is paid to the account linked at filing.
    /// </summary>
    private async Task<Disbursement.Payment> PaymentForAsync(AssistanceApplication application, CancellationToken ct)
    {
        var facts = JsonSerializer.Deserialize<ApplicationFacts>(protector.Decrypt(application.FactsCipher), ProgramDesk.Json)!;
        var (bank, account) = (facts.BankName ?? "", facts.AccountNumber ?? "");
        if (facts.ToCard && await bankAccounts.FindAsync(application.MemberId, ct) is { } linked)
        {
            (bank, account) = (linked.BankName, linked.AccountNumber);
        }

        return new Disbursement.Payment
        {
            ApplicationId = application.Id,
            ProgramId = application.ProgramId,
            OrgId = application.OrgId,
            OrgPath = application.OrgPath,
            MemberId = application.MemberId,
            PayeeName = application.MemberName,
            IdMasked = application.IdMasked,
            BankName = bank,
            ToCardAccount = facts.ToCard,
            AccountCipher = protector.Encrypt(account),
            AccountMasked = account.Length > 4 ? "****" + account[^4..] : "****",
            Amount = application.Amount,
            Status = Disbursement.PaymentStatus.Pending,
            Attempt = 1,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private async Task EnsureWithinPeriodCapAsync(AssistanceApplication application, ProgramRules rules, CancellationToken ct)
    {
        if (rules.PeriodCap <= 0)
        {
            return;
        }

        var received = await ReceivedAsync(application.MemberId, application.ProgramId, ct);
        if (received + application.Amount > rules.PeriodCap)
        {
            throw new ConflictException(Loc.T($"超出本期累计上限 {Yuan(rules.PeriodCap)} 元：已批准 {Yuan(received)} 元，本申请 {Yuan(application.Amount)} 元",
                $"Over the period cap of {Yuan(rules.PeriodCap)} yuan: {Yuan(received)} yuan approved before, {Yuan(application.Amount)} yuan asked"));
        }
    }

    private Task<decimal> ReceivedAsync(Guid memberId, long programId, CancellationToken ct) =>
        db.AssistanceApplications.IgnoreQueryFilters().Where(a => a.MemberId == memberId && a.ProgramId == programId && a.Status == ApplicationStatus.Approved)
            .SumAsync(a => a.Amount, ct);

    /// <summary>Files the application; the rules it was judged by come back with a new one (none with a repeated submission).</summary>
    private async Task<(AssistanceApplication Application, ProgramRules? Rules)> FileAsync(MemberSummary member, AssistanceProgram program, ApplicationForm form, string actor,
        CancellationToken ct)
    {
        var submission = form.SubmissionKey ?? Guid.NewGuid();
        if (await db.AssistanceApplications.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.SubmissionKey == submission && a.MemberId == member.Id, ct) is { } sent)
        {
            return (sent, null);
        }

        var now = clock.GetUtcNow();
        if (!member.CountsAsMember)
        {
            throw new ConflictException(Loc.T("该会员的会籍已终止，不能申请帮扶", "This membership has ended; no application can be filed"));
        }

        if (!member.OrgPath.StartsWith(program.OrgPath, StringComparison.Ordinal))
        {
            throw new NotFoundException();
        }

        if (!program.TakesApplicationsOn(ChinaTime.DayOf(now)))
        {
            throw new ConflictException(Loc.T($"{program.Name}当前不受理申请（受理期 {program.StartsOn:yyyy-MM-dd} 至 {program.EndsOn:yyyy-MM-dd}）",
                $"{program.Name} is not taking applications now (open {program.StartsOn:yyyy-MM-dd} to {program.EndsOn:yyyy-MM-dd})"));
        }

        var (version, rules) = await programs.RulesAtAsync(program.Id, now, ct);
        var card = form.PayToCard ? await bankAccounts.FindAsync(member.Id, ct) : null;
        var household = ValidateForm(form, rules, ChinaTime.DayOf(now), card);
        var claimed = form.Bill?.OutOfPocket ?? form.ClaimedCost;
        var facts = await eligibility.HouseholdFactsAsync(member, program.Id, rules, ct) with
        {
            SchoolLevel = form.SchoolLevel,
            ClaimedCost = claimed,
            ReceivedBefore = await ReceivedAsync(member.Id, program.Id, ct),
        };
        var judgement = RuleEvaluator.Judge(rules, facts);
        if (!judgement.Eligible)
        {
            throw new ConflictException(judgement.Explanation.ToString());
        }

        var plan = ApprovalPlan.For(rules, judgement.Amount);
        var hashes = household.Select(p => protector.BlindIndex(p.IdNumber!)).Prepend(member.IdHash).Where(h => h.Length > 0).Distinct().ToList();
        var id = RandomPool.CreateVersion7(now);
        var application = new AssistanceApplication
        {
            Id = id,
            ProgramId = program.Id,
            RuleVersionId = version.Id,
            RuleVersionNumber = version.Number,
            MemberId = member.Id,
            MemberName = member.Name,
            IdMasked = member.IdMasked,
            OrgId = member.OrgId,
            OrgPath = member.OrgPath,
            Status = ApplicationStatus.Submitted,
            SchoolLevel = rules.NeedsSchoolLevel ? form.SchoolLevel : null,
            Amount = judgement.Amount,
            ExplanationZh = judgement.Explanation.Zh,
            ExplanationEn = judgement.Explanation.En,
            ApprovalLevel = plan.Level,
            ApproversNeeded = plan.Approvers,
            HouseholdIdHashes = string.Join(",", hashes),
            PersonKey = !rules.OncePerPerson ? $"a:{id:N}" : rules.NeedsSchoolLevel ? $"p:{protector.BlindIndex(household[0].IdNumber!)}" : $"m:{member.Id:N}",
            SubmissionKey = submission,
            FactsCipher = protector.Encrypt(JsonSerializer.Serialize(
                new ApplicationFacts(claimed, Trim(form.Description), household, card?.BankName ?? form.BankName!.Trim(), card?.AccountNumber ?? Account(form.AccountNumber),
                    form.Bill, card is not null), ProgramDesk.Json)),
            FiledBy = actor,
            FiledAt = now,
        };
        db.AssistanceApplications.Add(application);
        try
        {
            await SaveStepAsync(application, 0, ApplicationStepKind.Filed, $"{judgement.Explanation}；{plan.Describe()}", null, ct, actor);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (await db.AssistanceApplications.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.SubmissionKey == submission && a.MemberId == member.Id, ct)
                ?? throw new ConflictException(rules.NeedsSchoolLevel
                    ? Loc.T("该学生已申请过本项目，不能重复申请", "This student has already applied to this program")
                    : Loc.T("该会员已申请过本项目，不能重复申请", "This member has already applied to this program")), null);
        }

        return (application, rules);
    }

    private static void CheckBill(MedicalBill? bill, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(bill?.Hospital) || bill.Hospital.Trim().Length > 60)
        {
            errors.Add("Bill.Hospital", "请填写就诊医院", "Enter the hospital");
        }

        if (string.IsNullOrWhiteSpace(bill?.Diagnosis) || bill.Diagnosis.Trim().Length > 100)
        {
            errors.Add("Bill.Diagnosis", "请填写诊断（100 字以内）", "Enter the diagnosis (up to 100 characters)");
        }

        if (errors.CheckAmount("Bill.TotalCost", bill?.TotalCost, "医疗费用总额", "total medical cost", MaxCost)
            && (bill!.InsurancePaid is not { } paid || paid < 0 || paid >= bill.TotalCost || decimal.Round(paid, 2) != paid))
        {
            errors.Add("Bill.InsurancePaid", "医保报销金额应为 0 或正数，且低于费用总额", "Insurance paid must be 0 or more and below the total cost");
        }
    }

    /// <summary>Checks the form against what the rules need, naming the field or row; returns the declared household.</summary>
    private static List<DeclaredPerson> ValidateForm(ApplicationForm form, ProgramRules rules, DateOnly today, Cards.Contracts.LinkedBankAccount? card)
    {
        var errors = new FieldErrors();
        var household = new List<DeclaredPerson>();
        var rows = form.Household?.Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.IdNumber)).ToList() ?? [];
        if (rows.Count > MaxDeclared)
        {
            errors.Add(nameof(ApplicationForm.Household), $"家庭成员最多填写 {MaxDeclared} 人", $"Declare at most {MaxDeclared} household members");
        }

        for (var i = 0; i < Math.Min(rows.Count, MaxDeclared); i++)
        {
            var row = rows[i];
            var (number, error) = ResidentIds.Check(row.IdNumber, today);
            if (string.IsNullOrWhiteSpace(row.Name) || row.Name.Trim().Length > 30)
            {
                errors.Add($"Household[{i}].Name", $"家庭成员第 {i + 1} 行：请填写姓名", $"Household row {i + 1}: enter the name");
            }
            else if (error is { } e)
            {
                errors.Add($"Household[{i}].IdNumber", $"家庭成员第 {i + 1} 行：{e.Zh}", $"Household row {i + 1}: {e.En}");
            }
            else
            {
                household.Add(new DeclaredPerson(row.Name.Trim(), string.IsNullOrWhiteSpace(row.Relation) ? null : row.Relation.Trim()[..Math.Min(row.Relation.Trim().Length, 10)], number));
            }
        }

        if (rules.NeedsSchoolLevel)
        {
            if (form.SchoolLevel is not { } level || !Enum.IsDefined(level))
            {
                errors.Add(nameof(ApplicationForm.SchoolLevel), "请选择就读学段", "Choose the school level");
            }

            if (rows.Count == 0)
            {
                // The student is the first row: one application per student, whichever parent files it.
                errors.Add(nameof(ApplicationForm.Household), "请在家庭成员第 1 行填写受助学生的姓名和身份证号", "Declare the student (name and ID number) in the first household row");
            }
        }

        if (rules.RequireEnrollment)
        {
            CheckBill(form.Bill, errors);
        }
        else if (rules.NeedsCost)
        {
            errors.CheckAmount(nameof(ApplicationForm.ClaimedCost), form.ClaimedCost, $"{rules.CostName}金额", $"{rules.CostName} amount", MaxCost);
        }

        if (form.PayToCard)
        {
            if (card is null)
            {
                errors.Add(nameof(ApplicationForm.PayToCard), "会员服务卡尚未绑定银行卡：请先在“我的会员卡”绑定联名银行卡，或改为填写收款账户",
                    "No bank card is linked to the member's service card: link one on the card page first, or enter a payee account");
            }
        }
        else
        {
            CheckAccount(form, errors);
        }

        if (form.Description?.Trim().Length > 500)
        {
            errors.Add(nameof(ApplicationForm.Description), "情况说明最多 500 字", "The description has at most 500 characters");
        }

        errors.ThrowIfAny();
        return household;
    }

    private static void CheckAccount(ApplicationForm form, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(form.BankName) || form.BankName.Trim().Length > 40)
        {
            errors.Add(nameof(ApplicationForm.BankName), "请填写收款开户银行", "Enter the payee's bank");
        }

        if (Account(form.AccountNumber) is not { Length: >= 12 and <= 30 } account || !account.All(char.IsAsciiDigit))
        {
            errors.Add(nameof(ApplicationForm.AccountNumber), "请填写收款账号（12–30 位数字）", "Enter the payee's account number (12–30 digits)");
        }
    }

    private async Task<AssistanceApplication> FindAsync(Guid id, int version, CancellationToken ct)
    {
        var application = await db.AssistanceApplications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        Expect(application, version);
        return application;
    }

    /// <summary>Separation of duties: the right level, a registered identity outside the household, not the clerk who filed it.</summary>
    /// <summary>
    /// Why the signed-in cadre may not approve or reject this waiting application (null: they may): the very checks a
    /// decision runs, asked by the page so that it offers the buttons only to those they would not refuse.
    /// </summary>
    public async Task<string?> WhyNotDecideAsync(Guid id, CancellationToken ct)
    {
        if (!cadre.Has(AssistancePermissions.Manage))
        {
            return Loc.T("您没有审批帮扶申请的权限", "You may not decide assistance applications");
        }

        var application = await db.AssistanceApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        return (await RefusalAsync(application, onTheSpot: false, ct))?.Message;
    }

    private async Task EnsureMayDecideAsync(AssistanceApplication application, CancellationToken ct, bool onTheSpot = false)
    {
        if (await RefusalAsync(application, onTheSpot, ct) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>The refusal a decision by the signed-in cadre would meet: 403 for the level or an unregistered identity, 409 for a conflict of interest.</summary>
    private async Task<Exception?> RefusalAsync(AssistanceApplication application, bool onTheSpot, CancellationToken ct)
    {
        var own = await orgs.FindInScopeAsync(cadre.OrgId, ct);
        if (own is null || own.Level > application.ApprovalLevel)
        {
            var level = ArchiveOptions.LevelName(application.ApprovalLevel);
            return new ForbiddenException(Loc.T($"该申请金额须由{level.Zh}及以上审批", $"This amount is approved by a {level.En} or above"));
        }

        var identity = await db.Users.Where(u => u.Id == cadre.UserId).Select(u => u.PersonIdHash).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(identity))
        {
            return new ForbiddenException(Loc.T("审批帮扶申请前，须由管理员在您的账号中登记本人身份证号（用于回避本人及家庭成员的申请）",
                "Before approving assistance, an administrator must register your own ID number on your account (so that you never decide your own or your household's application)"));
        }

        if (application.HouseholdIdHashes.Split(',').Contains(identity))
        {
            return new ConflictException(Loc.T("您是申请人本人或其家庭成员，须回避，不能审批该申请", "You are the applicant or in their household: you may not decide this application"));
        }

        if (application.FiledBy == cadre.UserName && !onTheSpot)
        {
            return new ConflictException(Loc.T("经办人不能审批自己代为提交的申请，请由另一位审批人办理", "You filed this application; another approver must decide it"));
        }

        return null;
    }

    private static void Expect(AssistanceApplication application, int version)
    {
        if (application.Version != version || !application.IsWaiting)
        {
            throw new ConflictException(Loc.T($"该申请已变化（当前：{AssistanceApplication.StatusLabel(application.Status).Zh}），请刷新后再办理",
                $"The application changed meanwhile (now: {AssistanceApplication.StatusLabel(application.Status).En}); reload it"));
        }
    }

    private async Task NotifyAsync(AssistanceApplication application, string title, string body, CancellationToken ct) =>
        Notify(await members.SignInPhoneHashAsync(application.MemberId, ct), title, body);

    /// <summary>Queues the notice to the member's phone, if the member signs in on one.</summary>
    private void Notify(string? phoneHash, string title, string body)
    {
        if (phoneHash is not null)
        {
            notices.Queue(phoneHash, title, body, "/m/Aid");
        }
    }

    private async Task SaveStepAsync(AssistanceApplication application, int version, ApplicationStepKind kind, string outcome, string? reason, CancellationToken ct,
        string? actor = null)
    {
        actor ??= cadre.UserName;
        if (version > 0)
        {
            db.Entry(application).Property(a => a.Version).OriginalValue = version;
        }

        application.Version = version + 1;
        application.LastReason = reason ?? application.LastReason;
        db.ApplicationSteps.Add(new ApplicationStep
        {
            ApplicationId = application.Id,
            Kind = kind,
            Actor = actor,
            ActorOrg = actor == ByMember ? "" : cadre.OrgName,
            At = clock.GetUtcNow(),
            Outcome = outcome[..Math.Min(outcome.Length, 800)],
            Reason = reason,
        });
        audit.Record(ApplicationAuditActions.Step, "assistance-application", application.Id.ToString(), application.OrgPath,
            new { kind, application.Status, application.Amount, reason }, actorName: actor == ByMember ? application.MemberName : null);
        // A stale version fails here with 409: someone else decided the application meanwhile.
        await db.SaveChangesAsync(ct);
    }

    private static string Account(string? number) => (number ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 500)];
}