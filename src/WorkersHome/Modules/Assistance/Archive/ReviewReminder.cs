using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>
/// Reminds members whose annual review falls due within the set days (once per due date): the notice and the mark that
/// it went commit together, so a restart neither repeats nor loses one. Cadres see the same files as "复核到期".
/// </summary>
public sealed class ReviewReminder(AppDbContext db, IMemberDirectory members, NoticeBoard notices, ArchiveOptions options, TimeProvider clock)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var limit = ChinaTime.DayOf(clock.GetUtcNow()).AddDays(options.RemindDaysBefore);
        var reminded = 0;
        while (true)
        {
            var due = await db.HardshipFiles.IgnoreQueryFilters()
                .Where(f => f.Status == HardshipStatus.Active && f.ReviewDueOn <= limit && (f.RemindedFor == null || f.RemindedFor != f.ReviewDueOn))
                .OrderBy(f => f.ReviewDueOn).Take(100).ToListAsync(ct);
            if (due.Count == 0)
            {
                return reminded;
            }

            foreach (var file in due)
            {
                file.MarkReminded();
                if (await members.SignInPhoneHashAsync(file.MemberId, ct) is { } phoneHash)
                {
                    notices.Queue(phoneHash, Loc.T("困难职工档案年度复核提醒", "Annual review of your hardship file"),
                        Loc.T($"您的困难职工档案将于 {file.ReviewDueOn:yyyy-MM-dd} 到期复核，请备好家庭收入等证明材料，工会将与您联系。",
                            $"Your hardship file is due for review on {file.ReviewDueOn:yyyy-MM-dd}; please have proof of income ready. The union will contact you."), "/m/Hardship");
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            reminded += due.Count;
        }
    }
}

public sealed class ReviewReminderLoop(IServiceScopeFactory scopes, ArchiveOptions options, ILogger<ReviewReminderLoop> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ReminderEvery <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.ReminderEvery);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AppDbContext>().UseWholeTree();
                var sent = await scope.ServiceProvider.GetRequiredService<ReviewReminder>().RunOnceAsync(stoppingToken);
                if (sent > 0)
                {
                    log.LogInformation("Reminded {Count} hardship households of their annual review", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Hardship review reminders failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}