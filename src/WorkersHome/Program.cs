using WorkersHome;
using WorkersHome.Modules.Accounts;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = false);

var permissions = new PermissionRegistry();
builder.Services
    .AddPlatform()
    .AddOrganizations(permissions)
    .AddAccounts(permissions)
    .AddMembers(permissions)
    .AddSecurity(permissions)
    .AddUi();

var app = builder.Build();
if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

await Startup.PrepareAsync(app);
app.UsePlatform();
app.MapOrganizations();
app.MapAccounts();
app.MapMembers();
app.MapUi();
await app.RunAsync();
return 0;

public partial class Program;