using System.Security.Cryptography;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Platform.Audit;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>The app in its own composition for a benchmark: on the given database, fresh keys, no background work, quiet logs.</summary>
internal static class BenchApp
{
    public static WebApplication Build(string connectionString, string storagePath, bool listen = false, Action<IServiceCollection>? hostServices = null)
    {
        var args = new List<string>
        {
            "--ConnectionStrings:Default=" + connectionString,
            "--Imports:Enabled=false",
            "--Outbox:Enabled=false",
            // The job engine's server would run recurring work (the SLA sweep) on its own schedule, beside what a scenario measures.
            "--Jobs:Server=false",
            "--Storage:Path=" + storagePath,
            "--Privacy:ActiveKeyId=b1",
            "--Privacy:Keys:b1=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            "--Privacy:HashKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            "--Cards:ActiveSigningKeyId=b1",
            "--Cards:SigningKeys:b1=" + CardKeyRing.NewPrivateKey(),
            "--Audit:Checkpoint:SigningKey=" + AuditCheckpointKey.NewPrivateKey(),
            "--Audit:Checkpoint:File=" + Path.Combine(storagePath, "audit-checkpoints.jsonl"),
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=None",
        };
        if (listen)
        {
            // Any free port on the loopback: the scenario reads the address back from the server.
            args.Add("--urls=http://127.0.0.1:0");
        }

        return WorkersHomeApp.Build([.. args], hostServices);
    }
}