using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Members;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Testing;

/// <summary>Puts a member's household straight into the hardship archive, for tests of what the archive opens (programs, offers).</summary>
public static class HardshipSeeding
{
    public static async Task PutInArchiveAsync(AppFactory factory, Guid memberId, HardshipCause causes)
    {
        await using var scope = factory.WholeTreeScope(out var db);
        var member = await db.Members.SingleAsync(m => m.Id == memberId);
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        db.HardshipFiles.Add(new HardshipFile
        {
            Id = Guid.NewGuid(),
            MemberId = member.Id,
            MemberName = member.Name,
            OrgId = member.OrgId,
            OrgPath = member.OrgPath,
            Status = HardshipStatus.Active,
            Causes = causes,
            PrimaryCause = HardshipNames.Causes.First(c => causes.HasFlag(c)),
            HouseholdSize = 3,
            Housing = HousingKind.Rented,
            DetailsCipher = protector.Encrypt("{\"household\":[]}"),
            FiledBy = "test",
            FiledAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}