using System.Buffers;
using System.Buffers.Binary;
using System.Linq.Expressions;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

using Npgsql;

namespace WorkersHome.Platform.Persistence;

/// <summary>
/// Inserts many new rows of one entity inside the caller's transaction. On PostgreSQL this is a binary
/// COPY whose columns, store types and value conversions come from the EF model, so it cannot drift from
/// the mapping; elsewhere (SQLite) it falls back to ordinary batched inserts.
/// </summary>
/// <remarks>
/// The rows are encoded here, in PostgreSQL's binary COPY format, by a writer compiled once per entity from the
/// model, into a pooled buffer that goes to the server in large pieces. Npgsql's own importer binds a parameter,
/// resolves its converter and runs an async state machine for every single value, which cost more application
/// time than everything else an import does to a row.
/// </remarks>
public static class BulkInsert
{
    /// <summary>How much encoded data is handed to the connection at once.</summary>
    private const int FlushBytes = 1 << 17;

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

        var plan = CopyPlan<T>.For(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not mapped."));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        using var buffer = new BinaryCopyBuffer(FlushBytes * 2);
        await using var copy = await connection.BeginRawBinaryCopyAsync(plan.Command, ct);
        try
        {
            buffer.Header();
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                plan.Write(row, buffer);
                if (buffer.Length >= FlushBytes)
                {
                    await buffer.FlushAsync(copy, ct);
                }
            }

            buffer.Trailer();
            await buffer.FlushAsync(copy, ct);
        }
        catch
        {
            // Disposing a raw COPY would end it as complete; a failed one is abandoned instead (the caller's transaction rolls back).
            // The first error is the one to report: one from abandoning the COPY on a connection already broken would hide it.
            try
            {
                await copy.CancelAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
            {
            }

            throw;
        }
    }

    private sealed record CopyPlan<T>(string Command, Action<T, BinaryCopyBuffer> Write)
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, CopyPlan<T>> Plans = new();

        public static CopyPlan<T> For(IEntityType entity) => Plans.GetOrAdd(entity, Build);

        private static CopyPlan<T> Build(IEntityType entity)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            // Database-generated keys (identity columns) are left to the database.
            var properties = entity.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType is var t && (t == typeof(long) || t == typeof(int))))
                .ToList();
            var row = Expression.Parameter(typeof(T), "row");
            var buffer = Expression.Parameter(typeof(BinaryCopyBuffer), "buffer");
            var body = new List<Expression> { Expression.Call(buffer, nameof(BinaryCopyBuffer.StartRow), null, Expression.Constant((short)properties.Count)) };
            body.AddRange(properties.Select(p => WriteColumn(p, row, buffer)));
            var write = Expression.Lambda<Action<T, BinaryCopyBuffer>>(Expression.Block(body), row, buffer).Compile();
            var names = string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(table) + "\""));
            var target = (table.Schema is null ? "" : "\"" + table.Schema + "\".") + "\"" + table.Name + "\"";
            return new CopyPlan<T>($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", write);
        }

        /// <summary>
        /// Reads the property without boxing, applies the model's value converter (as EF does, to non-null values only)
        /// and writes the stored value with the encoder for its store type.
        /// </summary>
        private static Expression WriteColumn(IProperty property, ParameterExpression row, ParameterExpression buffer)
        {
            Expression value = property.PropertyInfo is { } info ? Expression.Property(row, info)
                : property.FieldInfo is { } field ? Expression.Field(row, field)
                : throw new NotSupportedException($"{typeof(T).Name}.{property.Name} has no CLR member to read for COPY.");
            var nullable = !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null;
            Expression stored = Nullable.GetUnderlyingType(value.Type) is not null ? Expression.Property(value, "Value") : value;
            if (property.GetTypeMapping().Converter is { } converter)
            {
                var toProvider = converter.ConvertToProviderExpression;
                var input = stored.Type == toProvider.Parameters[0].Type ? stored : Expression.Convert(stored, toProvider.Parameters[0].Type);
                stored = Expression.Invoke(toProvider, input);
            }

            if (Nullable.GetUnderlyingType(stored.Type) is not null)
            {
                stored = Expression.Property(stored, "Value");
            }

            var storeType = StripLength(property.GetColumnType());
            var (encoder, types) = Encoders.TryGetValue(storeType, out var known) ? known : throw new NotSupportedException($"No COPY encoding for store type '{storeType}'.");
            if (!types.Contains(stored.Type))
            {
                throw new NotSupportedException($"No COPY encoding of {stored.Type.Name} as '{storeType}' ({typeof(T).Name}.{property.Name}).");
            }

            Expression write = Expression.Call(buffer, typeof(BinaryCopyBuffer).GetMethod(encoder, [stored.Type])!, stored);
            return nullable
                ? Expression.IfThenElse(Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Call(buffer, nameof(BinaryCopyBuffer.Null), null), write)
                : write;
        }

        // The store types the model uses: the encoder that writes their binary form and the stored CLR types it takes.
        private static readonly Dictionary<string, (string Encoder, Type[] Types)> Encoders = new(StringComparer.Ordinal)
        {
            ["uuid"] = (nameof(BinaryCopyBuffer.Uuid), [typeof(Guid)]),
            ["bigint"] = (nameof(BinaryCopyBuffer.Integer), [typeof(long)]),
            ["integer"] = (nameof(BinaryCopyBuffer.Integer), [typeof(int)]),
            ["smallint"] = (nameof(BinaryCopyBuffer.Integer), [typeof(short)]),
            ["boolean"] = (nameof(BinaryCopyBuffer.Boolean), [typeof(bool)]),
            ["text"] = (nameof(BinaryCopyBuffer.Text), [typeof(string)]),
            ["character varying"] = (nameof(BinaryCopyBuffer.Text), [typeof(string)]),
            ["date"] = (nameof(BinaryCopyBuffer.Date), [typeof(DateOnly)]),
            ["timestamp with time zone"] = (nameof(BinaryCopyBuffer.TimestampTz), [typeof(DateTimeOffset), typeof(DateTime)]),
        };

        // "character varying(50)" is written as "character varying"; the column itself enforces the length.
        private static string StripLength(string storeType) =>
            storeType.IndexOf('(') is var open and > 0 ? storeType[..open] : storeType;
    }
}

/// <summary>
/// PostgreSQL's binary COPY format (a header, then per row a field count and each field as length and bytes, big-endian),
/// written into one pooled buffer. Values the model never stores (offsets other than UTC) are refused as Npgsql refuses them.
/// </summary>
internal sealed class BinaryCopyBuffer(int capacity) : IDisposable
{
    private static readonly DateOnly PostgresEpochDay = new(2000, 1, 1);
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public void Header()
    {
        ReadOnlySpan<byte> signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
        signature.CopyTo(Take(signature.Length));
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 0);
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 0);
    }

    public void Trailer() => BinaryPrimitives.WriteInt16BigEndian(Take(2), -1);

    public void StartRow(short columns) => BinaryPrimitives.WriteInt16BigEndian(Take(2), columns);

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void Integer(long value)
    {
        var field = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(field, 8);
        BinaryPrimitives.WriteInt64BigEndian(field[4..], value);
    }

    public void Integer(int value)
    {
        var field = Take(8);
        BinaryPrimitives.WriteInt32BigEndian(field, 4);
        BinaryPrimitives.WriteInt32BigEndian(field[4..], value);
    }

    public void Integer(short value)
    {
        var field = Take(6);
        BinaryPrimitives.WriteInt32BigEndian(field, 2);
        BinaryPrimitives.WriteInt16BigEndian(field[4..], value);
    }

    public void Boolean(bool value)
    {
        var field = Take(5);
        BinaryPrimitives.WriteInt32BigEndian(field, 1);
        field[4] = value ? (byte)1 : (byte)0;
    }

    public void Uuid(Guid value)
    {
        var field = Take(20);
        BinaryPrimitives.WriteInt32BigEndian(field, 16);
        value.TryWriteBytes(field[4..], bigEndian: true, out _);
    }

    public void Text(string value)
    {
        Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(Length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_bytes.AsSpan(Length), length);
        Length += 4 + length;
    }

    /// <summary>Days since 2000-01-01; the extreme values are PostgreSQL's infinities, as Npgsql writes them.</summary>
    public void Date(DateOnly value) => Integer(
        value == DateOnly.MinValue ? int.MinValue : value == DateOnly.MaxValue ? int.MaxValue : value.DayNumber - PostgresEpochDay.DayNumber);

    /// <summary>Microseconds since 2000-01-01 UTC; the extreme values are PostgreSQL's infinities, as Npgsql writes them.</summary>
    public void TimestampTz(DateTimeOffset value)
    {
        if (value.Offset != TimeSpan.Zero && value != DateTimeOffset.MinValue && value != DateTimeOffset.MaxValue)
        {
            throw new ArgumentException($"Cannot write a DateTimeOffset with offset {value.Offset} to 'timestamp with time zone'; only UTC is stored.");
        }

        Integer(value == DateTimeOffset.MinValue ? long.MinValue : value == DateTimeOffset.MaxValue ? long.MaxValue : (value.UtcTicks - PostgresEpochTicks) / 10);
    }

    public void TimestampTz(DateTime value)
    {
        if (value.Kind != DateTimeKind.Utc && value != DateTime.MinValue && value != DateTime.MaxValue)
        {
            throw new ArgumentException($"Cannot write a DateTime of kind {value.Kind} to 'timestamp with time zone'; only UTC is stored.");
        }

        Integer(value == DateTime.MinValue ? long.MinValue : value == DateTime.MaxValue ? long.MaxValue : (value.Ticks - PostgresEpochTicks) / 10);
    }

    public async ValueTask FlushAsync(Stream copy, CancellationToken ct)
    {
        await copy.WriteAsync(_bytes.AsMemory(0, Length), ct);
        Length = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private Span<byte> Take(int count)
    {
        Reserve(count);
        var span = _bytes.AsSpan(Length, count);
        Length += count;
        return span;
    }

    private void Reserve(int count)
    {
        if (Length + count <= _bytes.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, Length + count));
        _bytes.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}