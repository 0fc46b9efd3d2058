using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Demo;

/// <summary>
/// Realistic 12351 cases of the last two months in 中原区 and 洛阳, so that the queues and figures are not empty:
/// consultations answered on the spot, wage-arrears complaints with recovered wages, cases open, overdue (the SLA
/// sweep escalates them on its first run), waiting for a callback, and closed.
/// </summary>
public sealed class DemoCases(AppDbContext db, WorkCalendar calendar, PersonalDataProtector protector, TimeProvider clock)
{
    private static readonly (CaseKind Kind, CaseTopic Topic, string Subject, string Details, decimal? Amount, int Workers)[] Stories =
    [
        (CaseKind.Complaint, CaseTopic.WageArrears, "建筑工地拖欠三个月工资", "在工地做钢筋工，8 月至 10 月工资未结，包工头失联。", 27_600, 6),
        (CaseKind.Request, CaseTopic.WageArrears, "餐饮店关门后工资未结清", "饭店突然停业，最后一个月工资和押金未退。", 5_200, 3),
        (CaseKind.Complaint, CaseTopic.LabourContract, "入职半年未签劳动合同", "公司一直不签书面合同，要求补签并支付二倍工资。", 18_000, 1),
        (CaseKind.Request, CaseTopic.SocialInsurance, "单位未给缴纳社保", "入职两年，社保一直没有缴纳。", null, 1),
        (CaseKind.Complaint, CaseTopic.WorkInjury, "工伤后单位不申请认定", "在车间被机器压伤手指，单位不给申请工伤认定。", null, 1),
        (CaseKind.Complaint, CaseTopic.FemaleWorkers, "怀孕后被调岗降薪", "怀孕三个月后被调到仓库，工资降了一半。", 9_000, 1),
        (CaseKind.Request, CaseTopic.Dismissal, "被口头辞退无补偿", "工作四年，主管口头通知明天不用来了，没有任何补偿。", 24_000, 1),
        (CaseKind.Complaint, CaseTopic.SafetyAndHealth, "高温天车间无防暑措施", "车间温度超过 38 度，没有防暑降温措施和高温津贴。", null, 40),
        (CaseKind.Consultation, CaseTopic.LabourContract, "试用期可以延长吗", "公司说试用期表现一般，要再延长三个月。", null, 1),
        (CaseKind.Consultation, CaseTopic.WageArrears, "加班费怎么计算", "周末加班公司只给调休，不给加班费。", null, 1),
        (CaseKind.Suggestion, CaseTopic.Other, "建议在工业园区增设工会驿站", "园区外卖骑手多，夏天没有歇脚喝水的地方。", null, 0),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];

    private static readonly string[] GivenNames = ["建华", "秀英", "志强", "丽娟", "海涛", "春梅", "国庆", "晓燕", "振东", "桂兰", "红军", "雪梅", "文斌"];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var days = await calendar.LoadAsync(ct);
        var rules = await db.TimeLimitRules.AsNoTracking().ToListAsync(ct);
        var county = await db.OrgUnits.SingleAsync(o => o.Code == "410102", ct);
        var luoyang = await db.OrgUnits.SingleAsync(o => o.Code == "4103", ct);
        var employers = await db.OrgUnits.Where(o => o.Level == OrgLevel.Grassroots && o.Path.StartsWith(county.Path) && o.EmployerName != null).Take(20).ToListAsync(ct);
        // The demo's members are imported in the background after this runs, so the callers are people of their own:
        // as on the real hotline, many callers are not (yet) in the registry.
        var random = new Random(2026);
        var callers = Enumerable.Range(0, 48).Select(n => (Name: Surnames[n % Surnames.Length] + GivenNames[(n * 7) % GivenNames.Length],
            Phone: "1" + "3578"[n % 4] + random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        for (var i = 0; i < 48; i++)
        {
            var story = Stories[i % Stories.Length];
            var caller = callers[i % callers.Count];
            var employer = employers[i % employers.Count];
            var handler = i % 8 == 7 ? luoyang : county;
            var received = now.AddDays(-(i * 60 / 48) - 0.3).AddHours(-random.Next(0, 8));
            var complexity = story.Workers >= CaseRules.GroupCaseWorkers ? CaseComplexity.Complex : story.Kind == CaseKind.Consultation ? CaseComplexity.Simple : CaseComplexity.Ordinary;
            var rule = rules.Single(r => r.Kind == story.Kind && r.Complexity == complexity);
            var channel = (CaseChannel)(i % 4 + 1);
            var c = RightsCase.File(new CaseFiling(
                RandomPool.CreateVersion7(received), $"WQ{ChinaDay(received):yyMMdd}{random.Next(0, 100_000_000):D8}", $"demo:{i}", story.Kind, story.Topic, complexity,
                channel == CaseChannel.WeChat ? CaseChannel.Hotline : channel, story.Subject, protector.Encrypt(story.Details), null, caller.Name, protector.Encrypt(caller.Phone),
                protector.BlindIndex(caller.Phone), Mask.Phone(caller.Phone), i % 5 == 0, handler == county ? employer.Id : null, handler == county ? employer.Path : null,
                handler == county ? employer.EmployerName ?? employer.Name : "洛阳某机械加工厂",
                new CaseRoute(handler.Id, handler.Path, handler.Name, new("分级主办", "Routed by level")),
                story.Amount, story.Workers, received, days.Deadline(received, rule.AcceptDays), days.Deadline(received, rule.ResolveDays), "rexian.agent"));
            c.CountedWith(rule.AcceptDays, rule.ResolveDays);
            db.RightsCases.Add(c);
            var steps = new List<CaseStep> { Step(c, CaseStepKind.Filed, "rexian.agent", received, $"12351 热线；分派至{handler.Name}") };
            Progress(c, i, received, now, days, rule, steps);
            db.CaseSteps.AddRange(steps);
        }

        var city = await db.OrgUnits.SingleAsync(o => o.Code == "4101", ct);
        db.Add(new Lawyer
        {
            Name = "钱志远",
            Firm = "河南中州律师事务所",
            LicenseNumber = "14101201510000011",
            Specialties = "劳动争议、工伤",
            OrgId = city.Id,
            OrgPath = city.Path,
            ConflictsWith = (employers[0].EmployerName ?? employers[0].Name) + "（常年法律顾问）"
        });
        db.Add(new Lawyer { Name = "孙雅琴", Firm = "河南黄河律师事务所", LicenseNumber = "14101201710000022", Specialties = "欠薪、女职工权益", OrgId = city.Id, OrgPath = city.Path });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Older cases are further along: the oldest closed (with wages recovered where owed), the newest not yet accepted.</summary>
    private void Progress(RightsCase c, int i, DateTimeOffset received, DateTimeOffset now, BusinessCalendar days, Modules.Rights.TimeLimits.TimeLimitRule rule,
        List<CaseStep> steps)
    {
        if (c.Kind == CaseKind.Consultation)
        {
            c.AnswerOnSpot("已按政策解答：试用期只能约定一次，加班应按规定支付加班费，可向劳动保障监察投诉。", received.AddMinutes(6));
            steps.Add(Step(c, CaseStepKind.AnsweredOnSpot, "rexian.agent", received.AddMinutes(6), c.Result));
            return;
        }

        // The newest cases, and Luoyang's (no demo handler there), wait to be accepted.
        if (i < 3 || c.EmployerOrgId is null)
        {
            return;
        }

        // A few cases in the middle were accepted late or are still not accepted: overdue ones the sweep will escalate.
        if (i is 20 or 21)
        {
            return;
        }

        var accepted = received.AddHours(i % 6 == 0 ? 30 : 3);
        c.Accept(accepted, "zhongyuan.rights");
        steps.Add(Step(c, CaseStepKind.Accepted, "zhongyuan.rights", accepted, null));
        var acted = accepted.AddDays(1);
        steps.Add(new CaseStep
        {
            CaseId = c.Id,
            Kind = CaseStepKind.ActionRecorded,
            Action = HandlingAction.PhoneCall,
            Actor = "zhongyuan.rights",
            ActorOrg = "中原区总工会",
            At = acted,
            Note = "电话联系用人单位人事负责人，说明法律规定，约定三日内答复。"
        });
        if (i < 12)
        {
            return;
        }

        if (c.Topic == CaseTopic.WageArrears && c.AmountClaimed is { } owed)
        {
            var first = decimal.Round(owed * 0.6m, 2);
            c.AddRecovery(first, c.WorkersAffected);
            db.WageRecoveries.Add(new WageRecovery { CaseId = c.Id, Amount = first, Workers = c.WorkersAffected, RecoveredOn = ChinaDay(acted.AddDays(2)), RecordedBy = "zhongyuan.rights", RecordedAt = acted.AddDays(2), Note = "第一期" });
            steps.Add(Step(c, CaseStepKind.WagesRecovered, "zhongyuan.rights", acted.AddDays(2), $"追回 {first:0.00} 元"));
            if (i >= 24)
            {
                c.AddRecovery(owed - first, c.WorkersAffected);
                db.WageRecoveries.Add(new WageRecovery { CaseId = c.Id, Amount = owed - first, Workers = c.WorkersAffected, RecoveredOn = ChinaDay(acted.AddDays(4)), RecordedBy = "zhongyuan.rights", RecordedAt = acted.AddDays(4), Note = "结清" });
                steps.Add(Step(c, CaseStepKind.WagesRecovered, "zhongyuan.rights", acted.AddDays(4), $"追回 {owed - first:0.00} 元"));
            }
        }

        if (i < 18)
        {
            return;
        }

        var resolved = acted.AddDays(5);
        if (resolved > now)
        {
            return;
        }

        c.Resolve("经调解，用人单位已按规定处理并向职工说明。", resolved, days.Deadline(resolved, rule.CallbackDays));
        steps.Add(Step(c, CaseStepKind.Resolved, "zhongyuan.rights", resolved, c.Result));
        if (i < 28 || !c.NeedsMembersWord)
        {
            return;
        }

        var answer = i % 9 == 0 ? Satisfaction.BasicallySatisfied : Satisfaction.Satisfied;
        c.CallBack(answer, resolved.AddDays(2));
        steps.Add(Step(c, CaseStepKind.CalledBack, "zhongyuan.rights", resolved.AddDays(2), CaseNames.Of(answer).Zh));
    }

    private static CaseStep Step(RightsCase c, CaseStepKind kind, string actor, DateTimeOffset at, string? note) =>
        new() { CaseId = c.Id, Kind = kind, Actor = actor, ActorOrg = actor == "rexian.agent" ? "省总工会 12351 热线" : "中原区总工会", At = at, Note = note };

    private static DateOnly ChinaDay(DateTimeOffset at) => BusinessCalendar.DayOf(at);
}