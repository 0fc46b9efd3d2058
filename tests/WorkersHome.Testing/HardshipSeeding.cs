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
        var file = HardshipFile.Open(Guid.NewGuid(), member.Id, member.Name, "", member.OrgId, member.OrgPath, "test", DateTimeOffset.UtcNow);
        file.Describe(protector.Encrypt("{\"household\":[]}"), causes, HardshipNames.Causes.First(c => causes.HasFlag(c)), HousingKind.Rented, 3);
        file.Check(true, true, true, "test");
        file.Propose("test");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        file.Approve(today, today.AddMonths(12));
        db.HardshipFiles.Add(file);
        await db.SaveChangesAsync();
    }
}