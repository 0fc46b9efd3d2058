namespace WorkersHome.Bench;

/// <summary>One benchmark, run as <c>WorkersHome.Bench &lt;name&gt; [options]</c>.</summary>
internal interface IScenario
{
    string Name { get; }

    /// <summary>The options line shown in the usage text, e.g. "[--samples 2000]".</summary>
    string Usage { get; }

    /// <summary>Reads the options; throws <see cref="ArgumentException"/> before any database is touched.</summary>
    void Configure(BenchArgs args);

    /// <summary>Runs the scenario and returns the final "BENCH ..." line, which the caller prints last.</summary>
    Task<string> RunAsync(string connectionString, CancellationToken ct);
}