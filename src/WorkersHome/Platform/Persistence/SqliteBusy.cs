using Microsoft.Data.Sqlite;

namespace WorkersHome.Platform.Persistence;

/// <summary>SQLite's answer when its single writer is taken for longer than a command waits (SQLITE_BUSY, SQLITE_LOCKED).</summary>
public static class SqliteBusy
{
    private const int Busy = 5;
    private const int Locked = 6;

    public static bool Is(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException { SqliteErrorCode: Busy or Locked })
            {
                return true;
            }
        }

        return false;
    }
}