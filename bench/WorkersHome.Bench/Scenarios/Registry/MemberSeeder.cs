using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Npgsql;

using NpgsqlTypes;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.Seeding;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Bench.Scenarios.Registry;

/// <summary>What the run needs to know about the members it loaded: samples to look up and the right answers.</summary>
internal sealed class MemberFacts
{
    /// <summary>Counted members (Active, Retained) per org code, over each code's whole subtree.</summary>
    public Dictionary<string, (int Active, int Retained)> CountsByCode { get; } = new(StringComparer.Ordinal);

    public List<Guid> Ids { get; } = [];

    public List<string> IdNumbers { get; } = [];

    public List<string> Names { get; } = [];

    public List<string> Paths { get; } = [];

    public List<EmploymentForm> Forms { get; } = [];

    public List<DateOnly> Joined { get; } = [];

    public (int Active, int Retained) CountsOf(string path) =>
        CountsByCode.GetValueOrDefault(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1]);
}

/// <summary>
/// Loads members with Npgsql binary COPY (setup only), spread unevenly over the grassroots unions. Personal data is
/// stored as the product stores it: AES-GCM ciphertext, keyed blind index and masked copy, through its own protector.
/// </summary>
internal static class MemberSeeder
{
    private const int Batch = 50_000;

    private static readonly string[] Columns =
    [
        "Id", "OrgId", "OrgPath", "Name", "Gender", "EthnicityCode", "IdType", "IdCipher", "IdHash", "IdMasked", "BirthDate",
        "PhoneCipher", "PhoneHash", "PhoneMasked", "EducationCode", "PoliticalStatusCode", "EmployerName", "EmploymentForm",
        "PlatformName", "IsMigrantWorker", "HouseholdRegistration", "JoinedOn", "Status", "Version", "CreatedAt", "UpdatedAt", "Groups",
    ];

    private static readonly string[] Education = ["10", "20", "20", "30", "30", "40", "60", "60", "70", "80"];
    private static readonly string[] Political = ["01", "03", "13", "13", "13", "13", "12"];
    private static readonly string[] Ethnicity = ["01", "01", "01", "01", "01", "01", "01", "01", "01", "03", "08", "11", "06", "15"];
    private static readonly string[] Platforms = ["美团", "饿了么", "滴滴出行", "顺丰速运", "京东物流", "货拉拉"];
    private static readonly string[] Provinces = ["河南省", "四川省", "安徽省", "湖南省", "山东省", "河北省", "江西省", "广西壮族自治区"];

    private sealed record Union(long Id, string Path, string County, string? EmployerName);

    private sealed class Row
    {
        public Guid Id;
        public Union Union = null!;
        public string Name = "";
        public Gender Gender;
        public string Ethnicity = "";
        public string IdNumber = "";
        public DateOnly BirthDate;
        public string? Phone;
        public string? Education;
        public string? Political;
        public EmploymentForm Form;
        public string? Platform;
        public bool Migrant;
        public string? Household;
        public DateOnly JoinedOn;
        public MembershipStatus Status;
        public DateTimeOffset CreatedAt;

        // Filled in parallel: the protected forms.
        public string IdCipher = "";
        public string IdHash = "";
        public string? PhoneCipher;
        public string? PhoneHash;
    }

    public static async Task<MemberFacts> LoadAsync(AppContexts contexts, string connectionString, PersonalDataProtector protector,
        int members, int seed, CancellationToken ct)
    {
        List<Union> unions;
        await using (var db = contexts.WholeTree())
        {
            unions = (await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.Grassroots)
                    .Select(o => new { o.Id, o.Path, o.EmployerName }).ToListAsync(ct))
                .Select(o => new Union(o.Id, o.Path, CountyOf(o.Path), o.EmployerName)).ToList();
        }

        if (unions.Count == 0)
        {
            throw new InvalidOperationException("no grassroots unions to put members in (--grassroots 0?)");
        }

        var random = new Random(seed);
        var names = new GrassrootsGenerator(seed);
        var facts = new MemberFacts();
        var idNumbers = new HashSet<string>(members, StringComparer.Ordinal);
        var phones = new HashSet<long>(members);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var earliestBirth = new DateOnly(1961, 1, 1).DayNumber;
        var latestBirth = today.AddYears(-18).DayNumber;
        var now = DateTimeOffset.UtcNow;

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var copy = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY members.members ({copy}) FROM STDIN (FORMAT BINARY)", ct))
        {
            var rows = new Row[Batch];
            for (var done = 0; done < members; done += Batch)
            {
                var count = Math.Min(Batch, members - done);
                for (var i = 0; i < count; i++)
                {
                    // u^1.6 over a random order of unions: a few big employers, many small ones.
                    var union = unions[(int)(Math.Pow(random.NextDouble(), 1.6) * unions.Count)];
                    var row = rows[i] = new Row { Id = Guid.CreateVersion7(), Union = union, Name = names.PersonName() };
                    row.Gender = random.Next(100) < 55 ? Gender.Male : Gender.Female;
                    do
                    {
                        row.BirthDate = DateOnly.FromDayNumber(random.Next(earliestBirth, latestBirth));
                        row.IdNumber = ResidentIdNumber.Compose(union.County, row.BirthDate, random.Next(500), row.Gender);
                    }
                    while (!idNumbers.Add(row.IdNumber));

                    if (random.Next(10) < 9)
                    {
                        long phone;
                        do
                        {
                            phone = 13_000_000_000L + random.NextInt64(7_000_000_000L);
                        }
                        while (!phones.Add(phone));
                        row.Phone = phone.ToString(CultureInfo.InvariantCulture);
                    }

                    row.Ethnicity = Ethnicity[random.Next(Ethnicity.Length)];
                    row.Education = random.Next(10) == 0 ? null : Education[random.Next(Education.Length)];
                    row.Political = random.Next(10) == 0 ? null : Political[random.Next(Political.Length)];
                    row.Form = random.Next(100) switch
                    {
                        < 70 => EmploymentForm.FullTime,
                        < 80 => EmploymentForm.Dispatched,
                        < 88 => EmploymentForm.PartTime,
                        _ => EmploymentForm.Flexible,
                    };
                    row.Platform = row.Form == EmploymentForm.Flexible ? Platforms[random.Next(Platforms.Length)] : null;
                    row.Migrant = random.Next(100) < 30;
                    row.Household = row.Migrant ? Provinces[random.Next(Provinces.Length)] : null;
                    var firstJoin = Math.Max(row.BirthDate.AddYears(18).DayNumber, new DateOnly(2000, 1, 1).DayNumber);
                    row.JoinedOn = DateOnly.FromDayNumber(random.Next(firstJoin, today.DayNumber + 1));
                    row.Status = random.Next(100) switch
                    {
                        < 87 => MembershipStatus.Active,
                        < 95 => MembershipStatus.Retained,
                        _ => MembershipStatus.Left,
                    };
                    row.CreatedAt = now.AddSeconds(-random.Next(0, 86_400 * 365));
                }

                Parallel.For(0, count, new ParallelOptions { CancellationToken = ct }, i =>
                {
                    var row = rows[i];
                    row.IdCipher = protector.Encrypt(row.IdNumber);
                    row.IdHash = protector.BlindIndex(row.IdNumber);
                    if (row.Phone is not null)
                    {
                        row.PhoneCipher = protector.Encrypt(row.Phone);
                        row.PhoneHash = protector.BlindIndex(row.Phone);
                    }
                });

                for (var i = 0; i < count; i++)
                {
                    var row = rows[i];
                    await WriteAsync(writer, row, ct);
                    Remember(facts, row);
                }
            }

            await writer.CompleteAsync(ct);
        }

        return facts;
    }

    private static void Remember(MemberFacts facts, Row row)
    {
        facts.Ids.Add(row.Id);
        facts.IdNumbers.Add(row.IdNumber);
        facts.Names.Add(row.Name);
        facts.Paths.Add(row.Union.Path);
        facts.Forms.Add(row.Form);
        facts.Joined.Add(row.JoinedOn);
        if (!Member.CountsAsMember(row.Status))
        {
            return;
        }

        foreach (var code in row.Union.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var (active, retained) = facts.CountsByCode.GetValueOrDefault(code);
            facts.CountsByCode[code] = row.Status == MembershipStatus.Active ? (active + 1, retained) : (active, retained + 1);
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter w, Row r, CancellationToken ct)
    {
        await w.StartRowAsync(ct);
        await w.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
        await w.WriteAsync(r.Union.Id, NpgsqlDbType.Bigint, ct);
        await w.WriteAsync(r.Union.Path, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.Name, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync((int)r.Gender, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.Ethnicity, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync((int)IdDocumentType.ResidentId, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.IdCipher, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.IdHash, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(Mask.IdNumber(r.IdNumber), NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(r.BirthDate, NpgsqlDbType.Date, ct);
        await WriteNullableAsync(w, r.PhoneCipher, ct);
        await WriteNullableAsync(w, r.PhoneHash, ct);
        await WriteNullableAsync(w, r.Phone is null ? null : Mask.Phone(r.Phone), ct);
        await WriteNullableAsync(w, r.Education, ct);
        await WriteNullableAsync(w, r.Political, ct);
        await WriteNullableAsync(w, r.Union.EmployerName, ct);
        await w.WriteAsync((int)r.Form, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(w, r.Platform, ct);
        await w.WriteAsync(r.Migrant, NpgsqlDbType.Boolean, ct);
        await WriteNullableAsync(w, r.Household, ct);
        await w.WriteAsync(r.JoinedOn, NpgsqlDbType.Date, ct);
        await w.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync((int)MemberGroups.None, NpgsqlDbType.Integer, ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter w, string? value, CancellationToken ct) =>
        value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    /// <summary>The 6-digit county segment of a grassroots union's path: /CN/41/4101/410102/[410102001/]J…/.</summary>
    private static string CountyOf(string path)
    {
        var county = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s.Length == 6 && s.All(char.IsAsciiDigit));
        return county ?? throw new InvalidOperationException($"no county code in {path}");
    }
}