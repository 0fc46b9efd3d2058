using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

using Npgsql;

namespace WorkersHome.Platform.Persistence;

/// <summary>
/// Inserts many new rows of one entity inside the caller's transaction. On PostgreSQL this is a binary
/// COPY whose columns, store types and value conversions come from the EF model, so it cannot drift from
/// the mapping; elsewhere (SQLite) it falls back to ordinary batched inserts.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertManyAsync<T>(this AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!db.IsPostgres)
        {
            db.Set<T>().AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }

        var plan = CopyPlan.For(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped."));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(plan.Command, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in plan.Columns)
            {
                var value = column.Read(row);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, column.StoreType, ct);
                }
            }
        }

        await writer.CompleteAsync(ct);
    }

    private sealed record Column(string StoreType, Func<object, object?> Read);

    private sealed record CopyPlan(string Command, IReadOnlyList<Column> Columns)
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, CopyPlan> Plans = new();

        public static CopyPlan For(IEntityType entity) => Plans.GetOrAdd(entity, Build);

        private static CopyPlan Build(IEntityType entity)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            // Database-generated keys (identity columns) are left to the database.
            var properties = entity.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType is var t && (t == typeof(long) || t == typeof(int))))
                .ToList();
            var columns = properties.Select(p =>
            {
                var getter = p.GetGetter();
                var converter = p.GetTypeMapping().Converter;
                Func<object, object?> read = converter is null
                    ? getter.GetClrValueUsingContainingEntity
                    : row => getter.GetClrValueUsingContainingEntity(row) is { } v ? converter.ConvertToProvider(v) : null;
                return new Column(StripLength(p.GetColumnType()), read);
            }).ToList();
            var names = string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(table) + "\""));
            var target = (table.Schema is null ? "" : "\"" + table.Schema + "\".") + "\"" + table.Name + "\"";
            return new CopyPlan($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", columns);
        }

        // "character varying(50)" is written as "character varying"; the column itself enforces the length.
        private static string StripLength(string storeType) =>
            storeType.IndexOf('(') is var open and > 0 ? storeType[..open] : storeType;
    }
}