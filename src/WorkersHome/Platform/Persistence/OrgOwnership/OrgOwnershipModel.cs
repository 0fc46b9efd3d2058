using System.Linq.Expressions;
using System.Reflection;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkersHome.Platform.Persistence.OrgOwnership;

/// <summary>Applies the <see cref="OrgOwnedAttribute"/> declarations of every module's entities while the model is built.</summary>
internal static class OrgOwnershipModel
{
    private const string ConventionalPath = "OrgPath";

    private static readonly MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static void Apply(ModelBuilder builder, AppDbContext context)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => !t.IsOwned()).ToList())
        {
            var declarations = Declarations(entityType.ClrType);
            if (declarations.Count == 0 && entityType.ClrType.GetProperty(ConventionalPath) is not null)
            {
                throw new InvalidOperationException($"{entityType.ClrType.FullName} has an {ConventionalPath} but no [OrgOwned(...)]: " +
                    "declare whether its rows follow their union when it moves (docs/adr/0014).");
            }

            var byteOrder = entityType.ClrType.GetProperties().Where(p => p.IsDefined(typeof(ByteOrderAttribute))).ToList();
            if (declarations.Count == 0 && byteOrder.Count == 0)
            {
                // Untouched: asking the builder for a type would also turn an owned or complex type (Identity's passkeys) into an entity.
                continue;
            }

            var entity = builder.Entity(entityType.ClrType);
            foreach (var declaration in declarations)
            {
                var path = entityType.ClrType.GetProperty(declaration.Path)
                    ?? throw new InvalidOperationException($"{entityType.ClrType.FullName} declares [OrgOwned] on a missing property {declaration.Path}.");
                if (declaration.UnionId is { } unionId && unionId != "OrgId" && entityType.ClrType.GetProperty(unionId) is null)
                {
                    throw new InvalidOperationException($"{entityType.ClrType.FullName} declares [OrgOwned] with a missing union id {unionId}.");
                }

                if (context.IsPostgres)
                {
                    // Byte-order collation makes a subtree a range scan on the path index (docs/adr/0002).
                    entity.Property(path.Name).UseCollation("C");
                }

                if (declaration.SubtreeFilter)
                {
                    entity.HasQueryFilter(AppDbContext.ScopeFilter, InSubtree(entityType.ClrType, path, context));
                }
            }

            foreach (var property in byteOrder)
            {
                if (context.IsPostgres)
                {
                    entity.Property(property.Name).UseCollation("C");
                }
            }
        }
    }

    public static IReadOnlyList<OrgOwnedAttribute> Declarations(Type clrType) =>
        clrType.GetCustomAttributes<OrgOwnedAttribute>(inherit: false).ToList();

    /// <summary>
    /// <c>row => string.Compare(row.Path, context.ScopeFrom) &gt;= 0 &amp;&amp; string.Compare(row.Path, context.ScopeTo) &lt; 0</c>;
    /// the context is a constant as in a hand-written filter, so EF reads the current context's scope at query time.
    /// </summary>
    private static LambdaExpression InSubtree(Type clrType, PropertyInfo path, AppDbContext context)
    {
        var row = Expression.Parameter(clrType, "row");
        var rowPath = Expression.Property(row, path);
        var self = Expression.Constant(context);
        var from = Expression.Property(self, nameof(AppDbContext.ScopeFrom));
        var to = Expression.Property(self, nameof(AppDbContext.ScopeTo));
        var zero = Expression.Constant(0);
        var body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(Compare, rowPath, from), zero),
            Expression.LessThan(Expression.Call(Compare, rowPath, to), zero));
        return Expression.Lambda(body, row);
    }

    /// <summary>The path columns that follow their union, with the union id column beside each where there is one.</summary>
    public static IEnumerable<FollowingColumns> Following(IModel model, bool merge)
    {
        foreach (var entityType in model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            foreach (var declaration in Declarations(entityType.ClrType).Where(d => d.Rule == WhenUnionMoves.FollowsUnion && (!merge || d.FollowsMerge)))
            {
                var path = entityType.FindProperty(declaration.Path)!.GetColumnName(table)!;
                var unionId = declaration.UnionId is { } id ? entityType.FindProperty(id)?.GetColumnName(table) : null;
                yield return new FollowingColumns(entityType.GetSchema(), entityType.GetTableName()!, path, unionId);
            }
        }
    }
}

internal sealed record FollowingColumns(string? Schema, string Table, string PathColumn, string? UnionIdColumn);