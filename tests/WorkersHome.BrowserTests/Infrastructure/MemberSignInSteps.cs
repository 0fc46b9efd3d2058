using Microsoft.EntityFrameworkCore;

using WorkersHome.Testing;

namespace WorkersHome.BrowserTests.Infrastructure;

/// <summary>The member sign-in page, driven as a person on a phone does: number, SMS code (read from the outbox), sign in.</summary>
internal static class MemberSignInSteps
{
    public static async Task EnterPhoneAndCodeAsync(IPage page, AppFactory factory, string phone)
    {
        await page.Locator("#Phone").FillAsync(phone);
        await page.Locator("#send-code").ClickAsync();
        await Expect(page.Locator("#Code")).ToBeVisibleAsync();
        string body;
        await using (var scope = factory.WholeTreeScope(out var db))
        {
            body = (await db.OutboxMessages.OrderByDescending(m => m.Id).FirstAsync(m => m.RecipientMasked == WorkersHome.Platform.Privacy.Mask.Phone(phone))).Body;
        }

        await page.Locator("#Code").FillAsync(System.Text.RegularExpressions.Regex.Match(body, "[0-9]{6}").Value);
        await page.Locator("#verify-code").ClickAsync();
    }
}