namespace WorkersHome.Tests.Architecture;

/// <summary>The test of the test: on a fixture of deliberate violations the checker reports exactly those.</summary>
public sealed class BoundaryCheckerTests
{
    [Fact]
    public void Reports_exactly_the_fixtures_violations_including_those_inside_lambdas_closures_and_async_methods()
    {
        var violations = BoundaryChecker.Read(typeof(BoundaryCheckerTests).Assembly.Location, "BoundaryFixture").Violations();

        violations.Select(v => v[..v.IndexOf(':', StringComparison.Ordinal)]).ShouldBe(
        [
            "BoundaryFixture.Modules.A.AsyncUseCase -> BoundaryFixture.Modules.B.Internal",
            "BoundaryFixture.Modules.A.LambdaEndpoints -> BoundaryFixture.Modules.B.Internal",
            "BoundaryFixture.Modules.B.Contracts.LeakyContract -> BoundaryFixture.Modules.B.Internal",
            "BoundaryFixture.Pages.LeakyPage -> BoundaryFixture.Modules.B.Data.BConfiguration",
            "BoundaryFixture.Pages.LeakyPage -> BoundaryFixture.Platform.Persistence.FixtureDbContext",
            "BoundaryFixture.Platform.PlatformSetup -> BoundaryFixture.Modules.A.ContractsUser",
            "BoundaryFixture.Platform.PlatformSetup -> BoundaryFixture.Modules.B.Contracts.BFacts",
        ]);
    }

    [Fact]
    public void Attributes_nested_and_compiler_generated_types_to_the_type_that_declares_them()
    {
        var edges = BoundaryChecker.Read(typeof(BoundaryCheckerTests).Assembly.Location, "BoundaryFixture").Edges;

        edges.ShouldAllBe(e => !e.From.FullName.Contains('<') && !e.From.FullName.Contains('/'));
        edges.ShouldContain(e => e.From.FullName == "BoundaryFixture.Modules.A.AsyncUseCase" && e.To.FullName == "BoundaryFixture.Modules.B.Internal");
    }
}