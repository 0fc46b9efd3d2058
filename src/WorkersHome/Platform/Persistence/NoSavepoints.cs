namespace WorkersHome.Platform.Persistence;

public static class NoSavepoints
{
    /// <summary>
    /// Runs <paramref name="work"/> (which saves) inside the caller's transaction without automatic savepoints: where
    /// any failure ends the whole transaction anyway, releasing a savepoint is only one more round trip while the
    /// caller's row locks (and the audit chain's append lock) are held.
    /// </summary>
    public static async Task WithoutSavepointsAsync(this AppDbContext db, Func<Task> work)
    {
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await work();
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }
}