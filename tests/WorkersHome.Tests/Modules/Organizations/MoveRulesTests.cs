using WorkersHome.Modules.Organizations;
using WorkersHome.Modules.Organizations.ManageUnions;

namespace WorkersHome.Tests.Modules.Organizations;

public sealed class MoveRulesTests
{
    private static OrgUnit Node(long id, OrgLevel level, string path, long? parent = null, OrgStatus status = OrgStatus.Active) =>
        new() { Id = id, Level = level, Path = path, ParentId = parent, Status = status };

    private static readonly OrgUnit Province = Node(1, OrgLevel.Province, "/41/");
    private static readonly OrgUnit CityA = Node(2, OrgLevel.City, "/41/4101/", 1);
    private static readonly OrgUnit CountyA = Node(3, OrgLevel.County, "/41/4101/410102/", 2);
    private static readonly OrgUnit TownA = Node(4, OrgLevel.Township, "/41/4101/410102/410102001/", 3);
    private static readonly OrgUnit CityB = Node(5, OrgLevel.City, "/41/4103/", 1);
    private static readonly OrgUnit CountyB = Node(6, OrgLevel.County, "/41/4103/410302/", 5);
    private static readonly OrgUnit Union = Node(7, OrgLevel.Grassroots, "/41/4101/410102/410102001/J1/", 4);
    private static readonly OrgUnit OtherUnion = Node(8, OrgLevel.Grassroots, "/41/4103/410302/J2/", 6);
    private static readonly OrgUnit DissolvedCounty = Node(9, OrgLevel.County, "/41/4103/410399/", 5, OrgStatus.Dissolved);

    public static TheoryData<string, OrgUnit, OrgUnit, long, bool> Cases => new()
    {
        { "union to another county", Union, CountyB, 1, true },
        { "union to another township", Union, TownA, 1, false },
        { "township to another county", TownA, CountyB, 1, true },
        { "county under a city of another branch", CountyA, CityB, 1, true },
        { "county under itself", CountyA, TownA, 1, false },
        { "own node", CityA, Province, 2, false },
        { "province", Province, Province, 99, false },
        { "under a grassroots union", Union, OtherUnion, 1, false },
        { "county under a county", CountyA, CountyB, 1, false },
        { "under a dissolved unit", Union, DissolvedCounty, 1, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Moves_are_allowed_only_down_a_level_and_outside_the_own_subtree(string name, OrgUnit unit, OrgUnit target, long cadreOrg, bool allowed)
    {
        var refusal = MoveRules.Check(unit, target, cadreOrg);
        (refusal is null).ShouldBe(allowed, name);
    }
}