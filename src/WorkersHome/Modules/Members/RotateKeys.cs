using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Members;

public sealed record RotationResult(int Rewritten, int Skipped);

/// <summary>
/// Re-encrypts members' ID numbers and phones under the active key, in batches, while the app keeps
/// running: each row is rewritten only if its ciphertexts are still the ones read, so a concurrent edit
/// is never overwritten (such a row is already under the active key, or is taken on the next run).
/// </summary>
public sealed class RotateKeys(AppDbContext db, PersonalDataProtector protector)
{
    private const int BatchSize = 1_000;

    public async Task<RotationResult> ExecuteAsync(Action<int>? progress = null, CancellationToken ct = default)
    {
        var prefix = protector.ActiveKeyId + ":";
        var rewritten = 0;
        var skipped = 0;
        var after = Guid.Empty;
        while (true)
        {
            var last = after;
            var batch = await db.Members.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.Id.CompareTo(last) > 0)
                .OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.IdCipher, m.PhoneCipher })
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new RotationResult(rewritten, skipped);
            }

            foreach (var m in batch.Where(m => !m.IdCipher.StartsWith(prefix, StringComparison.Ordinal)
                || (m.PhoneCipher is not null && !m.PhoneCipher.StartsWith(prefix, StringComparison.Ordinal))))
            {
                var idCipher = protector.Encrypt(protector.Decrypt(m.IdCipher));
                var phoneCipher = m.PhoneCipher is null ? null : protector.Encrypt(protector.Decrypt(m.PhoneCipher));
                var updated = await db.Members.IgnoreQueryFilters()
                    .Where(x => x.Id == m.Id && x.IdCipher == m.IdCipher && x.PhoneCipher == m.PhoneCipher)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.IdCipher, idCipher).SetProperty(x => x.PhoneCipher, phoneCipher), ct);
                if (updated == 1)
                {
                    rewritten++;
                }
                else
                {
                    skipped++;
                }
            }

            after = batch[^1].Id;
            progress?.Invoke(rewritten);
        }
    }
}