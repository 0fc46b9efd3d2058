using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>
/// Filing an application, whoever files it (the member on the phone or a cadre at the desk): the form checked against
/// what the program's rules in force need, the household judged by those rules, and the application saved once per
/// submission key with its first step.
/// </summary>
public sealed class ApplicationFiling(
    AppDbContext db, ProgramQueries programs, ApplicationQueries queries, Cards.Contracts.ILinkedBankAccounts bankAccounts, ProgramEligibility eligibility,
    PersonalDataProtector protector, ApplicationSteps steps, TimeProvider clock)
{
    private const int MaxDeclared = 10;

    /// <summary>The largest cost a form may state, in yuan.</summary>
    private const decimal MaxCost = 100_000_000;

    /// <summary>Files the application; the rules it was judged by come back with a new one (none with a repeated submission).</summary>
    public async Task<(AssistanceApplication Application, ProgramRules? Rules)> FileAsync(MemberSummary member, AssistanceProgram program, ApplicationForm form, string actor,
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
            ReceivedBefore = await queries.ReceivedAsync(member.Id, program.Id, ct),
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
                new ApplicationFacts(claimed, ApplicationSteps.Trim(form.Description), household, card?.BankName ?? form.BankName!.Trim(), card?.AccountNumber ?? Account(form.AccountNumber),
                    form.Bill, card is not null), ProgramQueries.Json)),
            FiledBy = actor,
            FiledAt = now,
        };
        db.AssistanceApplications.Add(application);
        try
        {
            await steps.SaveAsync(application, 0, ApplicationStepKind.Filed, $"{judgement.Explanation}；{plan.Describe()}", null, ct, actor);
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

    private static string Account(string? number) => (number ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
}