using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

using WorkersHome.Platform.Security;

namespace WorkersHome.Demo;

/// <summary>What a demo start prints: the address, the demo data, and the logins to try.</summary>
internal static class DemoBanner
{
    public static void Print(WebApplication app, bool seededNow, int units, IReadOnlyList<(DemoLogin Login, string OrgName)> logins)
    {
        var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string>
        {
            "",
            "==================== 网上职工之家 WorkersHome ====================",
            $"  Open:      {string.Join("  ", urls)}",
            $"  Demo data: 河南省 (Henan) union tree, {units:N0} units{(seededNow ? " (seeded now)" : "")}",
            seededNow
                ? $"  Members:   {DemoSeeder.Members:N0} synthetic members are being imported in the background (会员 → 批量导入 shows the progress);\n" +
                  $"             when it is done, {DemoHardship.HouseholdCount} households of 中原区 join the hardship archive (困难帮扶) and the county's members get their cards"
                : "  Members:   synthetic members from the first start",
            $"  Password for every demo login: {DemoSeeder.Password}",
            "  Logins (administrators enrol an authenticator app at first sign-in):",
        };
        lines.AddRange(logins.Select(x =>
            $"    {x.Login.UserName,-20} {Roles.Label(x.Login.Role).Zh,-8} {x.OrgName}{(x.Login.NeedsTwoFactor ? "  [2FA]" : "")}"));
        var (name, phone, _) = DemoMembers.KnownMember;
        lines.Add($"  Member pages on a phone: /m/Login with {phone}, then the SMS code from /Dev/Sms; first time confirm");
        lines.Add($"    name {name} and ID number {DemoMembers.KnownMemberIdNumber("410102")}");
        lines.Add($"  Merchant till on a phone: /shop/Login as {DemoMerchants.TillUser} (same password); 普惠商户 lists the demo merchants");
        lines.Add("==================================================================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}