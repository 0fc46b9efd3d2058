using WorkersHome;

var app = WorkersHomeApp.Build(args);
if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

await WorkersHomeApp.PrepareAndMapAsync(app);
await app.RunAsync();
return 0;

public partial class Program;