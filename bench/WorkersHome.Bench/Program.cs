using System.Runtime.InteropServices;

using WorkersHome.Bench.Scenarios;
using WorkersHome.Bench.Scenarios.Disburse;

namespace WorkersHome.Bench;

internal static class Program
{
    public const string ConnectionVariable = "WORKERSHOME_TEST_PG";

    private static IScenario[] Scenarios() => [new TreeScenario(), new RegistryQueriesScenario(), new ImportScenario(xlsx: false), new ImportScenario(xlsx: true), new CardVerifyScenario(), new RedeemScenario(), new ApproveScenario(), new DisburseScenario(), new AuditThroughputScenario(), new RightsScenario()];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == DisburseWorker.Command)
        {
            // Not a scenario: the worker process that the disburse scenario starts (and kills).
            return await DisburseWorker.MainAsync(args[1..]);
        }

        var scenario = args.Length == 0 ? null : Scenarios().FirstOrDefault(s => s.Name == args[0]);
        if (scenario is null)
        {
            PrintUsage(args.Length == 0 ? "No scenario given." : $"Unknown scenario '{args[0]}'.");
            return 2;
        }

        try
        {
            var options = BenchArgs.Parse(args[1..]);
            scenario.Configure(options);
            options.ThrowIfUnused();
        }
        catch (ArgumentException e)
        {
            PrintUsage(e.Message);
            return 2;
        }

        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine($"{ConnectionVariable} is not set. It must hold an Npgsql connection string for a " +
                "PostgreSQL superuser that may create and drop databases, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\".");
            return 3;
        }

        using var cancel = new CancellationTokenSource();
        // Ctrl+C or a kill cancels the run instead of ending the process, so the throwaway database is still dropped.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        void Cancel(PosixSignalContext signal)
        {
            signal.Cancel = true;
            cancel.Cancel();
        }

        try
        {
            Console.WriteLine(await scenario.RunAsync(connectionString, cancel.Token));
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Scenario '{scenario.Name}' failed: {e}");
            return 1;
        }
    }

    private static void PrintUsage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("Usage: dotnet run -c Release --project bench/WorkersHome.Bench -- <scenario> [options]");
        Console.Error.WriteLine("Scenarios:");
        foreach (var s in Scenarios())
        {
            Console.Error.WriteLine($"  {s.Name} {s.Usage}");
        }

        Console.Error.WriteLine($"The PostgreSQL server comes from {ConnectionVariable}.");
    }
}