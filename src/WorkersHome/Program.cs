using WorkersHome;
using WorkersHome.Modules.Accounts;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform;
using WorkersHome.Platform.Ui;

var app = WorkersHomeApp.Build(args);
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