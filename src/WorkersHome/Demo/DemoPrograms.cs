using System.Text.Json;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Demo;

/// <summary>
/// Zhengzhou's assistance programs for the demo year with their usual rules, a city budget and a share passed to 中原区,
/// booked on the fund ledger as the budget desk would book them.
/// </summary>
public sealed class DemoPrograms(AppDbContext db, TimeProvider clock)
{
    private static readonly (string Name, ProgramType Type, decimal CityBudget, decimal CountyShare)[] Programs =
    [
        ("金秋助学", ProgramType.StudentAid, 500_000, 100_000),
        ("职工医疗互助", ProgramType.MedicalMutualAid, 1_000_000, 200_000),
        ("元旦春节送温暖", ProgramType.LivingRelief, 800_000, 150_000),
    ];

    public async Task SeedAsync(OrgUnit city, OrgUnit county, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var year = now.Year;
        foreach (var (name, type, cityBudget, countyShare) in Programs)
        {
            var program = new AssistanceProgram
            {
                Name = $"{year} 年{name}",
                Type = type,
                OrgId = city.Id,
                OrgPath = city.Path,
                OrgName = city.Name,
                Year = year,
                StartsOn = new DateOnly(year, 1, 1),
                EndsOn = new DateOnly(year, 12, 31),
                CreatedBy = "zhengzhou.assist",
                CreatedAt = now,
                Version = 1,
            };
            db.AssistancePrograms.Add(program);
            await db.SaveChangesAsync(ct);
            db.ProgramRuleVersions.Add(new ProgramRuleVersion
            {
                ProgramId = program.Id,
                Number = 1,
                EffectiveFrom = now,
                CreatedBy = program.CreatedBy,
                RulesJson = JsonSerializer.Serialize(ProgramRules.DefaultsFor(type), ProgramQueries.Json),
            });
            var root = new ProgramBudget { ProgramId = program.Id, OrgId = city.Id, OrgPath = city.Path, OrgName = city.Name, Amount = cityBudget, AllocatedOut = countyShare };
            db.ProgramBudgets.Add(root);
            await db.SaveChangesAsync(ct);
            var share = new ProgramBudget { ProgramId = program.Id, OrgId = county.Id, OrgPath = county.Path, OrgName = county.Name, ParentId = root.Id, Amount = countyShare };
            db.ProgramBudgets.Add(share);
            await db.SaveChangesAsync(ct);
            db.FundEntries.AddRange(
                Entry(program.Id, root.Id, FundEntryKind.Allocated, cityBudget, $"demo:{program.Id}:city"),
                Entry(program.Id, share.Id, FundEntryKind.Allocated, countyShare, $"demo:{program.Id}:county"),
                Entry(program.Id, root.Id, FundEntryKind.AllocatedOut, countyShare, $"demo:{program.Id}:county:out"));
            await db.SaveChangesAsync(ct);
        }
    }

    private FundEntry Entry(long programId, long budgetId, FundEntryKind kind, decimal amount, string key) => new()
    {
        ProgramId = programId,
        BudgetId = budgetId,
        Kind = kind,
        Amount = amount,
        IdempotencyKey = key,
        At = clock.GetUtcNow(),
        Actor = "zhengzhou.assist",
    };
}