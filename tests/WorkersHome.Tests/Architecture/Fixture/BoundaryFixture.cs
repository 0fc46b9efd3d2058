// Deliberate violations for BoundaryCheckerTests: a tiny layout below the root namespace BoundaryFixture, whose
// crossings sit where the old test did not look (lambdas, closures, async state machines, local functions).
#pragma warning disable CA1822, IDE0051, IDE0060

namespace BoundaryFixture.Modules.B
{
    public static class Internal
    {
        public static int Secret() => 42;
    }
}

namespace BoundaryFixture.Modules.B.Contracts
{
    public sealed record BFacts(int Value);

    /// <summary>Violation: a contract that reaches its own module's internals.</summary>
    public static class LeakyContract
    {
        public static Func<int> Read => () => BoundaryFixture.Modules.B.Internal.Secret();
    }
}

namespace BoundaryFixture.Modules.B.Data
{
    public sealed class BConfiguration
    {
        public static string Table => "b";
    }
}

namespace BoundaryFixture.Modules.A
{
    using BoundaryFixture.Modules.B.Contracts;

    /// <summary>Violation: another module's internals, called inside an endpoint-like lambda.</summary>
    public static class LambdaEndpoints
    {
        public static Func<int, int> Map() => x => x + BoundaryFixture.Modules.B.Internal.Secret();
    }

    /// <summary>Violation: another module's internals, called after an await (inside the state machine).</summary>
    public sealed class AsyncUseCase
    {
        public async Task<int> ExecuteAsync()
        {
            await Task.Yield();
            return BoundaryFixture.Modules.B.Internal.Secret();
        }
    }

    /// <summary>Fine: another module's contracts, in a closure.</summary>
    public sealed class ContractsUser
    {
        public Func<BFacts> Facts(int value) => () => new BFacts(value);
    }
}

namespace BoundaryFixture.Platform.Persistence
{
    public sealed class FixtureDbContext
    {
        public int Rows => 0;
    }
}

namespace BoundaryFixture.Platform
{
    /// <summary>Violation: Platform reaching a module, inside a local function.</summary>
    public static class PlatformSetup
    {
        public static int Wire()
        {
            return Local();

            static int Local() => new BoundaryFixture.Modules.A.ContractsUser().Facts(1)().Value;
        }
    }
}

namespace BoundaryFixture.Pages
{
    /// <summary>Violations: a page reaching a module's Data and the database context, inside closures.</summary>
    public sealed class LeakyPage
    {
        public IEnumerable<string> Tables(int n) => Enumerable.Range(0, n).Select(_ => BoundaryFixture.Modules.B.Data.BConfiguration.Table);

        public Func<int> Rows(BoundaryFixture.Platform.Persistence.FixtureDbContext? db) => () => db?.Rows ?? 0;
    }

    /// <summary>Fine: a page calling a module's use case.</summary>
    public sealed class GoodPage
    {
        public async Task<int> OnPostAsync() => await new BoundaryFixture.Modules.A.AsyncUseCase().ExecuteAsync();
    }
}