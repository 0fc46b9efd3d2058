namespace WorkersHome.Modules.Organizations.Data;

internal static class OrgSchema
{
    public const string Name = "org";
}