using System.Globalization;

using Npgsql;

namespace WorkersHome.Bench.Scenarios.Disburse;

/// <summary>
/// Where the processor time of one worker run went (Linux, database on this machine): the worker process, the server
/// processes that served its connections (found by application name and read from /proc while the run goes on, since
/// they end with it), and how busy the whole machine was, which other work on it shares.
/// </summary>
internal sealed class ProcessorTally
{
    private readonly Dictionary<int, long> _serverTicks = [];
    private readonly (long Busy, long Total) _machineAtStart = Machine();
    private (long Busy, long Total) _machineAtEnd;
    private long _workerTicks;
    private long _workerTicksAtStart;

    /// <summary>The worker's time from its first send: its start-up (building the app, reading the queue) is left out.</summary>
    public double WorkerSeconds => Math.Max(0, _workerTicks - _workerTicksAtStart) / 100.0;

    public void MarkStart(int workerPid) => _workerTicksAtStart = Ticks(workerPid) ?? 0;

    public double ServerSeconds => _serverTicks.Values.Sum() / 100.0;

    /// <summary>Reads the worker's time and its server processes' (each grows until it ends, so the latest reading counts).</summary>
    public async Task SampleAsync(NpgsqlConnection connection, int workerPid, CancellationToken ct)
    {
        _workerTicks = Math.Max(_workerTicks, Ticks(workerPid) ?? 0);
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", connection);
        command.Parameters.AddWithValue("name", DisburseWorker.ApplicationName);
        var pids = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        foreach (var pid in pids)
        {
            if (Ticks(pid) is { } ticks)
            {
                _serverTicks[pid] = Math.Max(_serverTicks.GetValueOrDefault(pid), ticks);
            }
        }

        _machineAtEnd = Machine();
    }

    public string Describe(double seconds, long payments) => string.Create(CultureInfo.InvariantCulture,
        $"processor time: worker process {WorkerSeconds:F1} s ({WorkerSeconds * 1000 / Math.Max(1, payments):F2} ms per payment), its server processes {ServerSeconds:F1} s ({ServerSeconds * 1000 / Math.Max(1, payments):F2} ms per payment), {(WorkerSeconds + ServerSeconds) / seconds:F2} of {Environment.ProcessorCount} cores; machine {MachineBusy:F0}% busy (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");

    private double MachineBusy => _machineAtEnd.Total == _machineAtStart.Total ? 0 : 100.0 * (_machineAtEnd.Busy - _machineAtStart.Busy) / (_machineAtEnd.Total - _machineAtStart.Total);

    /// <summary>User plus system clock ticks (100 a second) of a process, from /proc/&lt;pid&gt;/stat; null once it has ended.</summary>
    private static long? Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // After the command name in parentheses: utime and stime are the 12th and 13th fields.
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Busy and total jiffies of all cores from /proc/stat (idle and iowait count as not busy).</summary>
    private static (long Busy, long Total) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }
}