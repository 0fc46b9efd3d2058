using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkersHome.Platform.Persistence.OrgOwnership;

/// <summary>
/// The one mechanism by which rows of every module follow their union through the tree (docs/adr/0014): every path column
/// declared <see cref="WhenUnionMoves.FollowsUnion"/> is rewritten, whatever module owns it. It runs inside the tree change's
/// own transaction, after the modules' handlers (which may still need the old paths for their figures).
/// </summary>
#pragma warning disable EF1002 // identifiers from the model, values as parameters (see Delimit)
public sealed class OrgOwnedRows(AppDbContext db)
{
    /// <summary>A subtree moved: every following path below <paramref name="oldPath"/> now starts with <paramref name="newPath"/>.</summary>
    public async Task MoveSubtreeAsync(string oldPath, string newPath, CancellationToken ct)
    {
        foreach (var columns in OrgOwnershipModel.Following(db.Model, merge: false))
        {
            var table = Delimit(columns.Table, columns.Schema);
            var path = Delimit(columns.PathColumn);
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE {table} SET {path} = {{0}} || substr({path}, {{1}}) WHERE {path} >= {{2}} AND {path} < {{3}}",
                [newPath, oldPath.Length + 1, oldPath, oldPath + "~"], ct);
        }
    }

    /// <summary>A grassroots union merged into another: its following rows now belong to the surviving union.</summary>
    public async Task MergeUnionAsync(string sourcePath, long targetId, string targetPath, CancellationToken ct)
    {
        foreach (var columns in OrgOwnershipModel.Following(db.Model, merge: true))
        {
            var table = Delimit(columns.Table, columns.Schema);
            var path = Delimit(columns.PathColumn);
            var sql = columns.UnionIdColumn is { } unionId
                ? $"UPDATE {table} SET {path} = {{0}}, {Delimit(unionId)} = {{2}} WHERE {path} = {{1}}"
                : $"UPDATE {table} SET {path} = {{0}} WHERE {path} = {{1}}";
            object[] values = columns.UnionIdColumn is null ? [targetPath, sourcePath] : [targetPath, sourcePath, targetId];
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    // Table and column names come from the model (never from input) and every value is a parameter: EF1002 does not apply.
    private string Delimit(string name, string? schema = null) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(name, schema);
}