namespace WorkersHome.Tests.Architecture;

/// <summary>
/// The house boundaries, read from the product's IL with nothing skipped (see <see cref="BoundaryChecker"/>): modules reach
/// each other only through Contracts; Contracts reach no module internals; Platform knows no module, page or demo type;
/// pages reach modules through their use cases, queries and contracts, never through the database context or a module's
/// Data. docs/adr/0013-module-layout.md states the rules.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly BoundaryChecker Checker = BoundaryChecker.Read(typeof(Program).Assembly.Location, "WorkersHome");

    private static readonly string[] Modules = typeof(Program).Assembly.GetTypes()
        .Select(t => t.Namespace)
        .Where(n => n is not null && n.StartsWith("WorkersHome.Modules.", StringComparison.Ordinal))
        .Select(n => n!.Split('.')[2])
        .Distinct()
        .ToArray();

    [Fact]
    public void There_is_more_than_one_module_to_keep_apart() => Modules.Length.ShouldBeGreaterThanOrEqualTo(2);

    [Fact]
    public void The_checker_sees_compiled_views_and_compiler_generated_code()
    {
        // A compiled view (Pages/Members/Index.cshtml) and a module's endpoint lambdas are read.
        Checker.Edges.ShouldContain(e => e.From.FullName == "WorkersHome.Pages.Members.Pages_Members_Index");
        Checker.Edges.ShouldContain(e => e.From.FullName.StartsWith("WorkersHome.Modules.", StringComparison.Ordinal)
            && e.To.FullName.StartsWith("WorkersHome.Modules.", StringComparison.Ordinal));
    }

    [Fact]
    public void No_module_depends_on_another_modules_internals() => Broken("a module reaches another module only through its Contracts").ShouldBeEmpty();

    [Fact]
    public void Contracts_depend_on_no_module_internals() => Broken("Contracts depend on no module internals").ShouldBeEmpty();

    [Fact]
    public void No_module_depends_on_pages_or_demo_data() => Broken("a module depends on no page and no demo type").ShouldBeEmpty();

    [Fact]
    public void Platform_depends_on_no_module_page_or_demo_type() => Broken("Platform depends on no module").ShouldBeEmpty();

    [Fact]
    public void Pages_reach_modules_only_through_use_cases_queries_and_contracts() => Broken("a page").ShouldBeEmpty();

    private static List<string> Broken(string rule) =>
        Checker.Violations().Where(v => v.Contains(": " + rule, StringComparison.Ordinal)).ToList();
}