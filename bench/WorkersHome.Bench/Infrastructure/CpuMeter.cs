using System.Diagnostics;
using System.Globalization;

using Npgsql;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>
/// Where the processor time of a run went (Linux): the whole machine's busy share, this process's time, and the time of
/// the database's server processes. Start it after clearing the connection pools, so that every server process of the
/// database was started for the run and its whole processor time is the run's.
/// </summary>
internal sealed class CpuMeter
{
    private readonly (long Busy, long Total) _machine = Machine();
    private readonly TimeSpan _process = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public async Task<string> DescribeAsync(string connectionString, string database, int attempts)
    {
        var elapsed = _watch.Elapsed.TotalSeconds;
        var (busy, total) = Machine();
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _process).TotalSeconds;
        var server = await ServerSecondsAsync(connectionString, database);
        var machineBusy = total == _machine.Total ? 0 : 100.0 * (busy - _machine.Busy) / (total - _machine.Total);
        return string.Create(CultureInfo.InvariantCulture,
            $"processor time: machine {machineBusy:F0}% busy on {Environment.ProcessorCount} cores (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}); " +
            $"this process {process / elapsed:F2} cores ({process * 1000 / attempts:F2} ms per attempt); " +
            $"the database's server processes {server / elapsed:F2} cores ({server * 1000 / attempts:F2} ms per attempt)");
    }

    /// <summary>Busy and total jiffies of all cores from /proc/stat (idle and iowait count as not busy).</summary>
    private static (long Busy, long Total) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }

    /// <summary>User and system time of the database's server processes now connected, from /proc/&lt;pid&gt;/stat.</summary>
    private static async Task<double> ServerSecondsAsync(string connectionString, string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @database", connection);
        command.Parameters.AddWithValue("database", database);
        var pids = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        long ticks = 0;
        foreach (var pid in pids)
        {
            try
            {
                // Fields after the command name in parentheses: utime and stime are the 14th and 15th of the whole line.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // Ended meanwhile, or on another machine: not counted.
            }
        }

        // Clock ticks per second: 100 on Linux as configured everywhere this runs.
        return ticks / 100.0;
    }
}