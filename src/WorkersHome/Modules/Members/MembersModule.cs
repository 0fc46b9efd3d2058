using WorkersHome.Modules.Members.Browse;
using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Ui;

namespace WorkersHome.Modules.Members;

public static class MemberPermissions
{
    public const string View = "members.view";
    public const string Manage = "members.manage";
    public const string Reveal = "members.reveal";
    public const string EditCodeTables = "members.code-tables";
}

public static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services, PermissionRegistry permissions)
    {
        permissions
            .Declare(MemberPermissions.View, "查看会员", "View members", Roles.SystemAdministrator, Roles.UnionAdministrator, Roles.MemberOfficer)
            .Declare(MemberPermissions.Manage, "管理会员", "Manage members", Roles.UnionAdministrator, Roles.MemberOfficer)
            .Declare(MemberPermissions.Reveal, "查看完整证件号与手机号", "See full ID and phone numbers", Roles.UnionAdministrator, Roles.MemberOfficer)
            .Declare(MemberPermissions.EditCodeTables, "维护代码表", "Maintain the code tables", Roles.SystemAdministrator);
        services.AddUploadRule(ImportLimits.Upload, _ => ImportLimits.MaxUploadBytes, "会员", "A member file");
        services.AddScoped<CodeTableCache>();
        services.AddScoped<MemberValidator>();
        services.AddScoped<MemberRecord>();
        services.AddScoped<Statistics.MemberStatsWriter>();
        services.AddScoped<Statistics.MemberStatsQueries>();
        services.AddScoped<RegisterMember>();
        services.AddScoped<ChangeMemberStatus>();
        services.AddScoped<SetMemberGroups>();
        services.AddScoped<UpdateMember>();
        services.AddScoped<MemberDetailQueries>();
        services.AddScoped<MemberQueries>();
        services.AddScoped<ImportMembers>();
        services.AddScoped<StartImport>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Imports").Get<ImportOptions>() ?? new ImportOptions());
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
        services.AddScoped<ExportMembers>();
        services.AddScoped<RotateKeys>();
        services.AddScoped<EditCodeEntry>();
        services.AddScoped<EditCodeSynonyms>();
        services.AddScoped<ImportQueries>();
        // Bounded: every entry counts one (sign-in attempts, tills' merchant offers, card holders' masked names).
        services.AddMemoryCache(o => o.SizeLimit = 200_000);
        services.AddScoped<MemberDirectory>();
        services.AddScoped<Contracts.IMemberDirectory>(sp => sp.GetRequiredService<MemberDirectory>());
        services.AddScoped<Contracts.IMemberGroupMarker>(sp => sp.GetRequiredService<MemberDirectory>());
        services.AddScoped<SignIn.LinkMemberPhone>();
        services.AddScoped<Join.JoinSteps>();
        services.AddScoped<Join.SubmitJoinApplication>();
        services.AddScoped<Join.WithdrawJoinApplication>();
        services.AddScoped<Join.ApproveJoinApplication>();
        services.AddScoped<Join.RejectJoinApplication>();
        services.AddScoped<Join.JoinQueries>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Transfers").Get<Transfer.TransferOptions>() ?? new Transfer.TransferOptions());
        services.AddScoped<Transfer.TransferSteps>();
        services.AddScoped<Transfer.TransferCompletion>();
        services.AddScoped<Transfer.OpenTransfer>();
        services.AddScoped<Transfer.RequestTransferByMember>();
        services.AddScoped<Transfer.RequestTransferByReceivingUnion>();
        services.AddScoped<Transfer.DecideTransferAsReceiver>();
        services.AddScoped<Transfer.ConfirmTransferAsSender>();
        services.AddScoped<Transfer.CancelTransferByMember>();
        services.AddScoped<Transfer.CompleteDueTransfers>();
        services.AddScoped<Transfer.TransferQueries>();
        services.AddHostedService<Transfer.TransferSweeper>();
        // Members sign in with a scheme and policies of their own (docs/adr/0008).
        services.AddAuthentication().AddMemberCookie();
        services.AddAuthorizationBuilder()
            .AddPolicy(MemberAuthentication.Policy, p => p.AddAuthenticationSchemes(MemberAuthentication.Scheme).RequireClaim(MemberAuthentication.MemberIdClaim))
            .AddPolicy(MemberAuthentication.PhoneVerifiedPolicy, p => p.AddAuthenticationSchemes(MemberAuthentication.Scheme).RequireClaim(MemberAuthentication.PhoneHashClaim));
        services.AddScoped<IOrgTreeChangeHandler, MembersTreeFollower>();
        services.AddPageConventions(c => c
            .AuthorizeFolder("/Members", MemberPermissions.View)
            .AuthorizeFolder("/CodeTables", MemberPermissions.EditCodeTables)
            .AllowAnonymousToPage("/m/Index")
            .AllowAnonymousToPage("/m/Login")
            .AllowAnonymousToPage("/m/Logout"));
        return services;
    }

    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        MembersApi.Map(app);
        JoinApi.Map(app);
        TransferApi.Map(app);
        return app;
    }
}