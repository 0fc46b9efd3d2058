using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;

using Microsoft.EntityFrameworkCore.Diagnostics;

using Npgsql;

namespace WorkersHome.Bench.Infrastructure;

/// <summary>One unit of work as the product sent it: its statements in order, its isolation level and how it ended.</summary>
internal sealed record RecordedUnit(IsolationLevel? Isolation, IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> Commands, bool Committed);

/// <summary>
/// Records every statement EF sends (and the direct path, through <see cref="WorkersHome.Platform.Persistence.IDirectSqlObserver"/>), grouped by the transaction it ran in (a statement outside one is a unit of its
/// own), in the order the units ended. Replayed by <see cref="SqlReplay"/> on a copy of the database taken before
/// the run, it gives the database's own floor for the same work: the same SQL, parameters and transactions, with no
/// application code in between.
/// </summary>
internal sealed class TransactionRecorder : WorkersHome.Platform.Persistence.IDirectSqlObserver
{
    private readonly ConcurrentDictionary<DbTransaction, (IsolationLevel Isolation, List<(string, NpgsqlParameter[])> Commands)> _open = new();
    private readonly ConcurrentQueue<RecordedUnit> _ended = new();

    public bool Recording { get; set; }

    public IReadOnlyCollection<RecordedUnit> Units => _ended;

    public IInterceptor[] Interceptors => [new Commands(this), new Transactions(this)];

    /// <summary>A statement of the product's direct path (no context, no transaction): a unit of its own.</summary>
    public void Executing(NpgsqlCommand command) => Command(command);

    private void Command(DbCommand command)
    {
        if (!Recording || command is not NpgsqlCommand npgsql)
        {
            return;
        }

        var statement = (npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToArray());
        if (command.Transaction is { } transaction && _open.TryGetValue(transaction, out var open))
        {
            open.Commands.Add(statement);
        }
        else if (command.Transaction is null)
        {
            _ended.Enqueue(new RecordedUnit(null, [statement], Committed: true));
        }
    }

    private void Started(DbTransaction transaction)
    {
        if (Recording)
        {
            // Read now: a finished Npgsql transaction no longer answers.
            _open[transaction] = (transaction.IsolationLevel, []);
        }
    }

    private void Ended(DbTransaction transaction, bool committed)
    {
        if (_open.TryRemove(transaction, out var open))
        {
            _ended.Enqueue(new RecordedUnit(open.Isolation, open.Commands, committed));
        }
    }

    private sealed class Commands(TransactionRecorder recorder) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            recorder.Command(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            recorder.Command(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            recorder.Command(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class Transactions(TransactionRecorder recorder) : DbTransactionInterceptor
    {
        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
            DbTransaction result, CancellationToken cancellationToken = default)
        {
            recorder.Started(result);
            return base.TransactionStartedAsync(connection, eventData, result, cancellationToken);
        }

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            recorder.Started(result);
            return base.TransactionStarted(connection, eventData, result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            recorder.Ended(transaction, committed: true);
            return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            recorder.Ended(transaction, committed: true);
            base.TransactionCommitted(transaction, eventData);
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            recorder.Ended(transaction, committed: false);
            return base.TransactionRolledBackAsync(transaction, eventData, cancellationToken);
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
        {
            recorder.Ended(transaction, committed: false);
            base.TransactionRolledBack(transaction, eventData);
        }
    }
}