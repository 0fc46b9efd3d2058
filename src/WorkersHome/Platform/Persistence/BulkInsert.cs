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
        // Synchronous writes into the importer's buffer: an await per value would cost more than the value itself.
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            writer.StartRow();
            foreach (var column in plan.Columns)
            {
                if (column.Read(row) is { } value)
                {
                    column.Write(writer, value);
                }
                else
                {
                    writer.WriteNull();
                }
            }
        }

        await writer.CompleteAsync(ct);
    }

    private sealed record Column(Func<object, object?> Read, Action<NpgsqlBinaryImporter, object> Write);

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
                var stored = converter?.ProviderClrType ?? p.ClrType;
                return new Column(read, Writer(Nullable.GetUnderlyingType(stored) ?? stored, StripLength(p.GetColumnType())));
            }).ToList();
            var names = string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(table) + "\""));
            var target = (table.Schema is null ? "" : "\"" + table.Schema + "\".") + "\"" + table.Name + "\"";
            return new CopyPlan($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", columns);
        }

        /// <summary>A typed write for the column's stored CLR type, so that Npgsql picks its converter once, not per value.</summary>
        private static Action<NpgsqlBinaryImporter, object> Writer(Type type, string storeType) =>
            (Action<NpgsqlBinaryImporter, object>)typeof(CopyPlan).GetMethod(nameof(WriteAs), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type).Invoke(null, [storeType])!;

        private static Action<NpgsqlBinaryImporter, object> WriteAs<T>(string storeType)
        {
            var type = DbTypes.TryGetValue(storeType, out var known) ? known : throw new NotSupportedException($"No COPY type for store type '{storeType}'.");
            return (writer, value) => writer.Write((T)value, type);
        }

        // Resolving a type by its name costs more than writing the value; these are the store types the model uses.
        private static readonly Dictionary<string, NpgsqlTypes.NpgsqlDbType> DbTypes = new(StringComparer.Ordinal)
        {
            ["uuid"] = NpgsqlTypes.NpgsqlDbType.Uuid,
            ["bigint"] = NpgsqlTypes.NpgsqlDbType.Bigint,
            ["integer"] = NpgsqlTypes.NpgsqlDbType.Integer,
            ["smallint"] = NpgsqlTypes.NpgsqlDbType.Smallint,
            ["boolean"] = NpgsqlTypes.NpgsqlDbType.Boolean,
            ["text"] = NpgsqlTypes.NpgsqlDbType.Text,
            ["character varying"] = NpgsqlTypes.NpgsqlDbType.Varchar,
            ["date"] = NpgsqlTypes.NpgsqlDbType.Date,
            ["timestamp with time zone"] = NpgsqlTypes.NpgsqlDbType.TimestampTz,
        };

        // "character varying(50)" is written as "character varying"; the column itself enforces the length.
        private static string StripLength(string storeType) =>
            storeType.IndexOf('(') is var open and > 0 ? storeType[..open] : storeType;
    }
}