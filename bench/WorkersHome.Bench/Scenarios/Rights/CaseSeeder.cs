using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Npgsql;

using NpgsqlTypes;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.Seeding;
using WorkersHome.Modules.Rights;
using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.TimeLimits;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Bench.Scenarios.Rights;

/// <summary>A county-level union (where cases are handled) with the grassroots unions of employers below it.</summary>
internal sealed record HandlingUnion(long Id, string Path, string Name, string CityPath, string ProvincePath, IReadOnlyList<long> Employers,
    IReadOnlyList<string> EmployerPaths, IReadOnlyList<string> EmployerNames);

/// <summary>What the run needs of the loaded tree and cases: who handles where, and what was loaded.</summary>
internal sealed class CaseFacts
{
    public List<HandlingUnion> Counties { get; } = [];

    public Dictionary<long, HandlingUnion> CountyById { get; } = [];

    /// <summary>Province path → its counties (the agents there file against employers under them).</summary>
    public Dictionary<string, List<HandlingUnion>> CountiesByProvince { get; } = new(StringComparer.Ordinal);

    /// <summary>City path → its counties (a case is transferred to a sibling county).</summary>
    public Dictionary<string, List<HandlingUnion>> CountiesByCity { get; } = new(StringComparer.Ordinal);

    public int Historical { get; set; }

    public int Open { get; set; }

    /// <summary>Open cases past their current deadline when loaded, and of them those already escalated once before.</summary>
    public int Overdue { get; set; }

    public int AlreadyEscalated { get; set; }
}

/// <summary>
/// Loads rights cases with Npgsql binary COPY (setup only) over the national tree: closed cases of the last
/// <see cref="HistoryYears"/> years and open ones of the last weeks, handled by county unions in proportion to the
/// employers' unions below them. Deadlines are counted on the product's working calendar with its time limits, as
/// intake counts them; the account and the callers' phones are encrypted by the product's protector.
/// </summary>
internal static class CaseSeeder
{
    public const double HistoryYears = 2.5;

    private const string Agent = "bench.hotline";
    private const string AgentOrg = "12351 热线";

    /// <summary>Distinct callers: people call the hotline more than once.</summary>
    private const int Callers = 20_000;

    private static readonly string[] CaseColumns =
    [
        "Id", "TrackingNumber", "SubmissionKey", "Kind", "Topic", "Complexity", "Channel", "Status", "Subject", "DetailsCipher", "CallerName",
        "PhoneCipher", "PhoneHash", "PhoneMasked", "EmployerMayKnow", "EmployerOrgId", "EmployerUnionPath", "EmployerName", "OrgId", "OrgPath",
        "AmountClaimed", "WorkersAffected", "AmountRecovered", "WorkersHelped", "ReceivedAt", "AcceptDueAt", "ResolveDueAt", "AcceptedAt",
        "ResolvedAt", "ClosedAt", "CallbackDueAt", "PausedAt", "PausedDays", "EscalationLevel", "AcceptDays", "ResolveDays", "AcceptCountedFrom",
        "BreachedDueAt", "EscalatedOrgPath", "Result", "Satisfaction", "QualityPassed", "FiledBy", "Handler", "Version",
    ];

    private static readonly (CaseTopic Topic, string Subject, string Details)[] Stories =
    [
        (CaseTopic.WageArrears, "工地拖欠工资", "在工地干了三个月，包工头一直拖着不结工资。"),
        (CaseTopic.WageArrears, "公司停业后工资未结清", "公司突然停业，最后两个月工资没有发。"),
        (CaseTopic.WageArrears, "加班费未支付", "每周六加班，公司不给加班费也不安排调休。"),
        (CaseTopic.LabourContract, "入职半年未签劳动合同", "公司一直不签书面劳动合同。"),
        (CaseTopic.SocialInsurance, "单位未缴纳社保", "入职两年，社保一直没有缴纳。"),
        (CaseTopic.WorkInjury, "工伤后单位不申请认定", "在车间受伤，单位不给申请工伤认定。"),
        (CaseTopic.SafetyAndHealth, "车间无防暑措施", "高温天车间没有防暑降温措施和高温津贴。"),
        (CaseTopic.FemaleWorkers, "怀孕后被调岗降薪", "怀孕后被调到仓库，工资降了一半。"),
        (CaseTopic.Dismissal, "被口头辞退无补偿", "主管口头通知不用来了，没有任何补偿。"),
        (CaseTopic.Other, "建议增设工会驿站", "园区外卖骑手多，夏天没有歇脚喝水的地方。"),
    ];

    private sealed record Caller(string Name, string Cipher, string Hash, string Masked);

    private sealed class Row
    {
        public Guid Id;
        public string TrackingNumber = "";
        public string SubmissionKey = "";
        public CaseKind Kind;
        public CaseTopic Topic;
        public CaseComplexity Complexity;
        public CaseChannel Channel;
        public CaseStatus Status;
        public int Story;
        public Caller Caller = null!;
        public bool EmployerMayKnow;
        public HandlingUnion County = null!;
        public int Employer = -1;
        public decimal? AmountClaimed;
        public int WorkersAffected;
        public decimal AmountRecovered;
        public int WorkersHelped;
        public DateTimeOffset ReceivedAt;
        public DateTimeOffset AcceptDueAt;
        public DateTimeOffset ResolveDueAt;
        public DateTimeOffset? AcceptedAt;
        public DateTimeOffset? ResolvedAt;
        public DateTimeOffset? ClosedAt;
        public DateTimeOffset? CallbackDueAt;
        public DateTimeOffset? PausedAt;
        public int PausedDays;
        public int EscalationLevel;
        public TimeLimitRule Rule = null!;
        public DateTimeOffset? BreachedDueAt;
        public string? EscalatedOrgPath;
        public string? Result;
        public Satisfaction? Satisfaction;
        public bool? QualityPassed;
        public string? Handler;
        public int Version;
    }

    /// <summary>The county-level unions of the loaded tree, each with the employers' grassroots unions below it.</summary>
    public static async Task<CaseFacts> HandlingUnionsAsync(AppContexts contexts, CancellationToken ct)
    {
        await using var db = contexts.WholeTree();
        var counties = await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.County && o.Status == OrgStatus.Active)
            .Select(o => new { o.Id, o.Path, o.Name }).ToListAsync(ct);
        var grassroots = await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.Grassroots && o.Status == OrgStatus.Active)
            .Select(o => new { o.Id, o.Path, o.Name, o.EmployerName }).ToListAsync(ct);
        var byPath = counties.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var employers = grassroots.GroupBy(g => Prefixes(g.Path).LastOrDefault(byPath.ContainsKey))
            .Where(g => g.Key is not null)
            .ToDictionary(g => g.Key!, g => g.ToList(), StringComparer.Ordinal);
        var facts = new CaseFacts();
        foreach (var c in counties.Where(c => employers.ContainsKey(c.Path)).OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            var prefixes = Prefixes(c.Path).ToList();
            var below = employers[c.Path];
            var county = new HandlingUnion(c.Id, c.Path, c.Name, prefixes[^2], prefixes[1], below.Select(e => e.Id).ToList(), below.Select(e => e.Path).ToList(),
                below.Select(e => e.EmployerName ?? e.Name).ToList());
            facts.Counties.Add(county);
            facts.CountyById[county.Id] = county;
            Add(facts.CountiesByProvince, county.ProvincePath, county);
            Add(facts.CountiesByCity, county.CityPath, county);
        }

        if (facts.Counties.Count == 0)
        {
            throw new InvalidOperationException("no county union with grassroots unions below it (--grassroots 0?)");
        }

        return facts;
    }

    public static async Task LoadAsync(CaseFacts facts, string connectionString, PersonalDataProtector protector, BusinessCalendar days,
        IReadOnlyList<TimeLimitRule> rules, int historical, int open, int seed, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(seed);
        var names = new GrassrootsGenerator(seed);
        var phones = new HashSet<long>();
        var callers = new Caller[Callers];
        Parallel.For(0, Callers, i =>
        {
            long phone;
            lock (phones)
            {
                do
                {
                    phone = 13_000_000_000L + Random.Shared.NextInt64(7_000_000_000L);
                }
                while (!phones.Add(phone));
            }

            var text = phone.ToString(CultureInfo.InvariantCulture);
            callers[i] = new Caller("", protector.Encrypt(text), protector.BlindIndex(text), Mask.Phone(text));
        });
        for (var i = 0; i < Callers; i++)
        {
            callers[i] = callers[i] with { Name = names.PersonName() };
        }

        // One encrypted account per story, reused: the cipher's size is what matters to the table, not its variety.
        var details = Stories.Select(s => protector.Encrypt(s.Details)).ToArray();
        var ruleOf = rules.ToDictionary(r => (r.Kind, r.Complexity));
        // Cases follow employers: a county with more employers' unions gets more cases (u^1.6, a few busy counties).
        var weighted = facts.Counties.SelectMany(c => Enumerable.Repeat(c, c.Employers.Count)).ToArray();
        random.Shuffle(weighted);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var openRows = new List<Row>(open);
        var recoveries = new List<(Guid CaseId, decimal Amount, int Workers, DateTimeOffset At)>();
        var columns = string.Join(", ", CaseColumns.Select(c => $"\"{c}\""));
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY rights.cases ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < historical + open; i++)
            {
                var row = Draw(i, random, callers, weighted, ruleOf);
                if (i < historical)
                {
                    Close(row, random, days, now);
                    if (row.AmountRecovered > 0)
                    {
                        recoveries.Add((row.Id, row.AmountRecovered, row.WorkersHelped, row.ResolvedAt!.Value));
                    }

                    facts.Historical++;
                }
                else
                {
                    Open(row, random, days, now, facts);
                    openRows.Add(row);
                    facts.Open++;
                }

                await WriteAsync(writer, row, details[row.Story], ct);
            }

            await writer.CompleteAsync(ct);
        }

        // The history of the open cases: filed, and accepted where they were (the case page reads them).
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY rights.case_steps (\"CaseId\", \"Kind\", \"Actor\", \"ActorOrg\", \"At\", \"ToOrgId\", \"ToOrgName\", \"Note\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in openRows)
            {
                await StepAsync(writer, row.Id, CaseStepKind.Filed, Agent, AgentOrg, row.ReceivedAt, row.County, $"12351 热线；按用人单位所在地分级主办：{row.County.Name}", ct);
                if (row.AcceptedAt is { } accepted)
                {
                    await StepAsync(writer, row.Id, CaseStepKind.Accepted, row.Handler!, row.County.Name, accepted, null, null, ct);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY rights.wage_recoveries (\"CaseId\", \"Amount\", \"Workers\", \"RecoveredOn\", \"RecordedBy\", \"RecordedAt\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (caseId, amount, workers, at) in recoveries)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(caseId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(amount, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(workers, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(ChinaTime.DayOf(at), NpgsqlDbType.Date, ct);
                await writer.WriteAsync("bench.rights", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
            }

            await writer.CompleteAsync(ct);
        }

        Console.WriteLine($"load: {facts.Historical} closed and {facts.Open} open cases ({facts.Overdue} open past a deadline, {facts.AlreadyEscalated} of them escalated once before), " +
            $"{recoveries.Count} wage recoveries, over {facts.Counties.Count} county unions");
    }

    /// <summary>
    /// The dashboard's figures of the loaded cases, as the product's save hook would have kept them had each case gone
    /// through it: every case as stored, read back through the product's mapping, contributes what
    /// <see cref="CaseFigures.Of"/> says to every org on its handling union's path. Written by COPY into the tree counters
    /// (no rights figure exists before), so that the dashboard reflects the history.
    /// </summary>
    public static async Task<int> FiguresAsync(AppContexts contexts, string connectionString, CancellationToken ct)
    {
        var totals = new Dictionary<(string Code, string Metric, int Key), (long Count, long AmountFen)>();
        await using (var db = contexts.WholeTree())
        {
            await foreach (var c in db.RightsCases.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            {
                var codes = c.OrgPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
                foreach (var (metric, key, count, fen) in CaseFigures.Of(c))
                {
                    foreach (var code in codes)
                    {
                        var (n, a) = totals.GetValueOrDefault((code, metric, key));
                        totals[(code, metric, key)] = (n + count, a + fen);
                    }
                }
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY platform.tree_counters (\"OrgCode\", \"Metric\", \"Key\", \"Count\", \"AmountFen\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var ((code, metric, key), (count, fen)) in totals)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(code, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(metric, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(key, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(count, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(fen, NpgsqlDbType.Bigint, ct);
        }

        await writer.CompleteAsync(ct);
        return totals.Count;
    }

    /// <summary>What a case is about, who called and where it goes: the hotline's usual mix.</summary>
    private static Row Draw(int i, Random random, Caller[] callers, HandlingUnion[] weighted, Dictionary<(CaseKind, CaseComplexity), TimeLimitRule> rules)
    {
        var kind = random.Next(100) switch
        {
            < 45 => CaseKind.Consultation,
            < 65 => CaseKind.Request,
            < 95 => CaseKind.Complaint,
            _ => CaseKind.Suggestion,
        };
        var story = kind == CaseKind.Suggestion ? Stories.Length - 1 : random.Next(100) switch
        {
            < 35 => random.Next(3),
            < 50 => 3,
            < 62 => 4,
            < 70 => 5,
            < 74 => 6,
            < 77 => 7,
            _ => 8,
        };
        var county = weighted[(int)(Math.Pow(random.NextDouble(), 1.6) * weighted.Length)];
        var workers = kind == CaseKind.Suggestion ? 0 : random.Next(100) < 85 ? 1 : random.Next(2, 40);
        var complexity = workers >= CaseRules.GroupCaseWorkers ? CaseComplexity.Complex
            : kind == CaseKind.Consultation || random.Next(10) == 0 ? CaseComplexity.Simple
            : CaseComplexity.Ordinary;
        var row = new Row
        {
            Kind = kind,
            Topic = Stories[story].Topic,
            Story = story,
            Complexity = complexity,
            Channel = random.Next(100) switch
            {
                < 55 => CaseChannel.Hotline,
                < 75 => CaseChannel.Online,
                < 90 => CaseChannel.WeChat,
                < 95 => CaseChannel.Sms,
                _ => CaseChannel.InPerson,
            },
            Caller = callers[random.Next(callers.Length)],
            EmployerMayKnow = random.Next(5) == 0,
            County = county,
            // Most callers name an employer that has a union; the others type its name.
            Employer = random.Next(100) < 75 ? random.Next(county.Employers.Count) : -1,
            WorkersAffected = workers,
            Rule = rules[(kind, complexity)],
            SubmissionKey = string.Create(CultureInfo.InvariantCulture, $"load:{i:D8}"),
        };
        if (row.Topic == CaseTopic.WageArrears && kind is CaseKind.Complaint or CaseKind.Request)
        {
            row.AmountClaimed = random.Next(20, 600) * 100m * Math.Max(1, workers);
        }

        // The number's eight digits: a bijection of i below 10^8 (7919 is prime to 10), so unique whatever the date.
        row.TrackingNumber = string.Create(CultureInfo.InvariantCulture, $"{(i * 7919L + 13) % 100_000_000:D8}");
        return row;
    }

    /// <summary>A case of the last years, closed: a consultation mostly answered on the spot, the rest accepted, resolved, called back.</summary>
    private static void Close(Row row, Random random, BusinessCalendar days, DateTimeOffset now)
    {
        Receive(row, now.AddDays(-(40 + (random.NextDouble() * ((HistoryYears * 365) - 40)))).AddMinutes(random.Next(0, 24 * 60)), days);
        row.Status = CaseStatus.Closed;
        if (row.Kind == CaseKind.Consultation && random.Next(10) < 8)
        {
            var answered = row.ReceivedAt.AddMinutes(random.Next(3, 15));
            (row.AcceptedAt, row.ResolvedAt, row.ClosedAt, row.Result, row.Handler) = (answered, answered, answered, "已按政策解答。", null);
            row.Version = 2;
            return;
        }

        row.AcceptedAt = row.ReceivedAt.AddHours(random.Next(1, 30));
        row.Handler = HandlerOf(row.County);
        var span = (row.ResolveDueAt - row.ReceivedAt).TotalHours;
        row.ResolvedAt = row.AcceptedAt.Value.AddHours(random.NextDouble() * span * 1.1);
        if (row.ResolvedAt > row.ResolveDueAt)
        {
            // Resolved late: it was escalated on the way.
            (row.EscalationLevel, row.BreachedDueAt, row.EscalatedOrgPath) = (1, row.ResolveDueAt, row.County.CityPath);
        }

        row.Result = "经调解，用人单位已按规定处理并向职工说明。";
        row.CallbackDueAt = days.Deadline(row.ResolvedAt.Value, 3);
        row.ClosedAt = row.ResolvedAt.Value.AddHours(random.Next(2, 60));
        row.Satisfaction = random.Next(100) switch
        {
            < 80 => Satisfaction.Satisfied,
            < 96 => Satisfaction.BasicallySatisfied,
            _ => Satisfaction.NotSatisfied,
        };
        row.QualityPassed = random.Next(5) == 0 ? true : null;
        if (row.AmountClaimed is { } claimed && random.Next(10) < 7)
        {
            row.AmountRecovered = random.Next(2) == 0 ? claimed : decimal.Round(claimed * 0.6m, 2);
            row.WorkersHelped = row.WorkersAffected;
        }

        row.Version = 5;
    }

    /// <summary>
    /// A case of the last weeks, open: mostly in progress, some waiting to be accepted, paused or waiting for the
    /// callback. A share is past its deadline — a quarter of those waiting to be accepted, one in twelve in progress —
    /// and some of those were escalated once already.
    /// </summary>
    private static void Open(Row row, Random random, BusinessCalendar days, DateTimeOffset now, CaseFacts facts)
    {
        row.Status = random.Next(100) switch
        {
            < 15 => CaseStatus.Received,
            < 85 => CaseStatus.InProgress,
            < 90 => CaseStatus.Paused,
            _ => CaseStatus.Resolved,
        };
        var overdue = row.Status switch
        {
            CaseStatus.Received => random.Next(4) == 0,
            CaseStatus.InProgress => random.Next(12) == 0,
            _ => false,
        };
        // Received long enough ago (or recently enough) for the case to be (or not be) past the deadline it works against.
        var limit = row.Status == CaseStatus.Received ? row.Rule.AcceptDays : row.Rule.ResolveDays;
        var window = (days.Deadline(now, limit) - now).TotalDays + 1;
        for (var attempt = 0; ; attempt++)
        {
            var ago = overdue ? window + (random.NextDouble() * 12) : random.NextDouble() * window;
            Receive(row, now.AddDays(-ago), days);
            var due = row.Status == CaseStatus.Received ? row.AcceptDueAt : row.ResolveDueAt;
            if ((due < now) == overdue || attempt == 20)
            {
                overdue = due < now && row.Status is CaseStatus.Received or CaseStatus.InProgress;
                break;
            }
        }

        row.Version = 1;
        if (row.Status != CaseStatus.Received)
        {
            row.AcceptedAt = Min(row.ReceivedAt.AddHours(random.Next(1, 20)), now);
            row.Handler = HandlerOf(row.County);
            row.Version = 2 + random.Next(3);
        }

        if (row.Status == CaseStatus.Paused)
        {
            row.PausedAt = Min(row.AcceptedAt!.Value.AddDays(random.NextDouble() * 5), now);
            row.PausedDays = random.Next(0, 4);
            row.ResolveDueAt = days.Extend(row.ResolveDueAt, row.PausedDays);
        }

        if (row.Status == CaseStatus.Resolved)
        {
            row.ResolvedAt = Min(row.AcceptedAt!.Value.AddDays(random.NextDouble() * 3), now);
            row.Result = "已协调用人单位整改，待回访确认。";
            row.CallbackDueAt = days.Deadline(row.ResolvedAt.Value, 3);
        }

        if (overdue)
        {
            facts.Overdue++;
            if (random.Next(10) < 3)
            {
                // The sweep escalated it before (for this deadline); it escalates again only three business days on.
                var due = row.Status == CaseStatus.Received ? row.AcceptDueAt : row.ResolveDueAt;
                (row.EscalationLevel, row.BreachedDueAt, row.EscalatedOrgPath) = (1, due, row.County.CityPath);
                facts.AlreadyEscalated++;
            }
        }
    }

    /// <summary>Received then: the number, the id and the deadlines follow, as intake counts them.</summary>
    private static void Receive(Row row, DateTimeOffset received, BusinessCalendar days)
    {
        row.ReceivedAt = received;
        row.Id = Guid.CreateVersion7(received);
        row.TrackingNumber = string.Create(CultureInfo.InvariantCulture, $"WQ{ChinaTime.DayOf(received):yyMMdd}{row.TrackingNumber[^8..]}");
        row.AcceptDueAt = days.Deadline(received, row.Rule.AcceptDays);
        row.ResolveDueAt = days.Deadline(received, row.Rule.ResolveDays);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter w, Row r, string details, CancellationToken ct)
    {
        var employer = r.Employer >= 0;
        await w.StartRowAsync(ct);
        await w.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
        await w.WriteAsync(r.TrackingNumber, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.SubmissionKey, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync((int)r.Kind, NpgsqlDbType.Integer, ct);
        await w.WriteAsync((int)r.Topic, NpgsqlDbType.Integer, ct);
        await w.WriteAsync((int)r.Complexity, NpgsqlDbType.Integer, ct);
        await w.WriteAsync((int)r.Channel, NpgsqlDbType.Integer, ct);
        await w.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(Stories[r.Story].Subject, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(details, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Caller.Name, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Caller.Cipher, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Caller.Hash, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Caller.Masked, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.EmployerMayKnow, NpgsqlDbType.Boolean, ct);
        await NullableAsync(w, employer ? r.County.Employers[r.Employer] : (long?)null, NpgsqlDbType.Bigint, ct);
        await NullableAsync(w, employer ? r.County.EmployerPaths[r.Employer] : null, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(employer ? r.County.EmployerNames[r.Employer] : "某小微企业", NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.County.Id, NpgsqlDbType.Bigint, ct);
        await w.WriteAsync(r.County.Path, NpgsqlDbType.Varchar, ct);
        await NullableAsync(w, r.AmountClaimed, NpgsqlDbType.Numeric, ct);
        await w.WriteAsync(r.WorkersAffected, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.AmountRecovered, NpgsqlDbType.Numeric, ct);
        await w.WriteAsync(r.WorkersHelped, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(r.AcceptDueAt, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(r.ResolveDueAt, NpgsqlDbType.TimestampTz, ct);
        await NullableAsync(w, r.AcceptedAt, NpgsqlDbType.TimestampTz, ct);
        await NullableAsync(w, r.ResolvedAt, NpgsqlDbType.TimestampTz, ct);
        await NullableAsync(w, r.ClosedAt, NpgsqlDbType.TimestampTz, ct);
        await NullableAsync(w, r.CallbackDueAt, NpgsqlDbType.TimestampTz, ct);
        await NullableAsync(w, r.PausedAt, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(r.PausedDays, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.EscalationLevel, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.Rule.AcceptDays, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.Rule.ResolveDays, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
        await NullableAsync(w, r.BreachedDueAt, NpgsqlDbType.TimestampTz, ct);
        await NullableAsync(w, r.EscalatedOrgPath, NpgsqlDbType.Varchar, ct);
        await NullableAsync(w, r.Result, NpgsqlDbType.Varchar, ct);
        await NullableAsync(w, r.Satisfaction is { } s ? (int)s : (int?)null, NpgsqlDbType.Integer, ct);
        await NullableAsync(w, r.QualityPassed, NpgsqlDbType.Boolean, ct);
        await w.WriteAsync(Agent, NpgsqlDbType.Varchar, ct);
        await NullableAsync(w, r.Handler, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Version, NpgsqlDbType.Integer, ct);
    }

    private static async Task StepAsync(NpgsqlBinaryImporter w, Guid caseId, CaseStepKind kind, string actor, string actorOrg, DateTimeOffset at,
        HandlingUnion? to, string? note, CancellationToken ct)
    {
        await w.StartRowAsync(ct);
        await w.WriteAsync(caseId, NpgsqlDbType.Uuid, ct);
        await w.WriteAsync((int)kind, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(actor, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(actorOrg, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
        await NullableAsync(w, to?.Id, NpgsqlDbType.Bigint, ct);
        await NullableAsync(w, to?.Name, NpgsqlDbType.Varchar, ct);
        await NullableAsync(w, note, NpgsqlDbType.Varchar, ct);
    }

    private static Task NullableAsync<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct => value is { } v ? w.WriteAsync(v, type, ct) : w.WriteNullAsync(ct);

    private static Task NullableAsync(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, type, ct);

    private static string HandlerOf(HandlingUnion county) => "rights." + county.Path.TrimEnd('/')[(county.Path.TrimEnd('/').LastIndexOf('/') + 1)..];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>/CN/, /CN/41/, /CN/41/4101/ … of a path, itself last.</summary>
    private static IEnumerable<string> Prefixes(string path) =>
        Enumerable.Range(1, path.Length - 1).Where(i => path[i] == '/').Select(i => path[..(i + 1)]);

    private static void Add(Dictionary<string, List<HandlingUnion>> map, string key, HandlingUnion county)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(county);
    }
}