using Designer.Runtime.Hosting;
using Designer.Runtime.Recovery;
using Designer.Web.Api;
using Designer.Web.Collections;
using Designer.Web.Components;
using Designer.Web.Evaluations;
using Designer.Web.Rollouts;
using Designer.Web.Triggers;
using Designer.Web.Identity;
using Designer.Web.Models;
using Designer.Web.Runs;
using Designer.Web.Users;
using Designer.Web.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Designer.Web.Hosting;

/// <summary>The web host's registrations; <c>Program.cs</c> is a short list of these calls.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>Loads the solution-wide appsettings.json beneath the host's own settings.</summary>
    public static IHostApplicationBuilder AddDesignerSharedConfiguration(this IHostApplicationBuilder builder)
    {
        var shared = Path.Combine(AppContext.BaseDirectory, "appsettings.shared.json");
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = shared,
            Optional = true,
            ReloadOnChange = false,
        };
        source.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }

    /// <summary>ASP.NET Core Identity (cookies for the UI, bearer tokens for API clients), roles and the demo seed.</summary>
    public static IHostApplicationBuilder AddDesignerIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateOnStart();
        var security = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddIdentityApiEndpoints<DesignerUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DesignerDbContext>();

        // Bearer tokens for API clients, the cookie for the browser: pick by the Authorization header, so pages
        // still redirect to /login while API calls get 401.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = DesignerAuthSchemes.Selector;
                options.DefaultChallengeScheme = DesignerAuthSchemes.Selector;
            })
            .AddPolicyScheme(DesignerAuthSchemes.Selector, "Bearer or cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme);

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "designer.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // API callers get status codes, never a redirect to the login page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder().AddDesignerPolicies();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddCascadingAuthenticationState();
        // Registered before AddInteractiveServerComponents, whose default provider never re-checks the user.
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RoleRevalidatingAuthenticationStateProvider>();

        DataProtectionSetup.AddDesignerDataProtection(services, security, builder.Environment);
        RateLimiting.AddDesignerRateLimiting(services, security.RateLimits);

        services.AddHostedService<DemoSeeder>();
        services.AddHostedService<AdminBootstrapper>();
        return builder;
    }

    /// <summary>The REST API: application services, ProblemDetails, OpenAPI and health checks.</summary>
    public static IHostApplicationBuilder AddDesignerApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseValueExceptionHandler>();
        services.AddExceptionHandler<TransientFailureExceptionHandler>();
        // Binding failures always throw, so BadRequestExceptionHandler answers them the same way in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // The validator knows the registries: only Approved model versions may be pinned, collections must exist.
        services.AddSingleton<IWorkflowReferenceResolver, RegistryReferenceResolver>();
        services.AddSingleton<Actions.ActionConnectionCatalog>();
        services.AddSingleton(sp => new WorkflowValidator(sp.GetRequiredService<IWorkflowReferenceResolver>()));
        // The designer's model picker lists the registry's approved versions.
        services.AddSingleton<Components.WorkflowDesigner.Editing.IModelCatalogView, RegistryModelCatalogView>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<VersionService>();
        services.AddScoped<ModelService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ApiKeyService>();
        // Schedule triggers (issue 16): every host runs the worker; the occurrence claim lets one of them fire.
        services.AddScoped<ScheduleService>();
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddHostedService<ScheduleWorker>();
        services.AddScoped<ChatModelService>();
        // Retrieval nodes search real collections; the demo corpus is trained and ingested in the background.
        services.AddSingleton<Designer.Runtime.Retrieval.IVectorSearch, CollectionVectorSearch>();
        services.AddSingleton<Components.WorkflowDesigner.Editing.ICollectionCatalogView, CollectionCatalogView>();
        services.AddHostedService<DemoCorpusSeeder>();
        services.AddSingleton<RunAnalytics>();
        services.AddSingleton<InboxQueries>();
        services.AddSingleton<TaskDecisionService>();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        return builder;
    }

    /// <summary>
    /// One in-process Orleans silo (<see cref="DesignerClusterOptions"/>): localhost clustering by default, or Redis
    /// membership (<c>Designer:Cluster:Membership=Redis</c> + connection string) to cluster several hosts. Grains keep no
    /// state of their own (runs live in the database), so no grain storage is configured — never memory storage;
    /// gate SLAs are reminders (in-memory service, re-armed from the database on start-up).
    /// Grain calls wait <see cref="DesignerClusterOptions.GrainCallTimeout"/> (Orleans' response timeout, default 30 s);
    /// run work is queued, never done inside a call.
    /// </summary>
    public static IHostApplicationBuilder AddDesignerCluster(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(DesignerClusterOptions.SectionName).Get<DesignerClusterOptions>() ?? new DesignerClusterOptions();
        var runtime = builder.Configuration.GetSection(RuntimeOptions.SectionName).Get<RuntimeOptions>() ?? new RuntimeOptions();
        ClusterValidation.ThrowIfInvalid(cluster, runtime.GrainCallKey);

        var slaCheck = runtime.SlaCheckInterval;
        builder.UseOrleans(silo =>
        {
            if (cluster.Membership == DesignerClusterOptions.Redis)
            {
                // Several hosts: membership in Redis, runs and checkpoints in the shared (PostgreSQL) database.
                silo.UseRedisClustering(cluster.RedisConnectionString!);
                silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                silo.Configure<Orleans.Configuration.EndpointOptions>(o =>
                {
                    o.AdvertisedIPAddress = System.Net.IPAddress.Parse(cluster.AdvertisedAddress);
                    o.SiloPort = cluster.SiloPort;
                    o.GatewayPort = cluster.GatewayPort;
                });
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
            }

            // Gate SLAs are reminders. In-memory reminders do not outlive the silo: pending tasks with a due time
            // are re-armed from the database on start-up (RunRecoveryService), so nothing is lost with one silo.
            silo.UseInMemoryReminderService();
            silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = cluster.GrainCallTimeout);
            silo.Configure<Orleans.Hosting.ReminderOptions>(o => o.MinimumReminderPeriod = slaCheck < o.MinimumReminderPeriod ? slaCheck : o.MinimumReminderPeriod);
        });
        // Runs record the silo that executes them; runs of silos that left the membership are resumed elsewhere.
        builder.Services.Replace(ServiceDescriptor.Singleton<IRunOwnership, SiloRunOwnership>());
        return builder;
    }

    /// <summary>The Blazor Web App (interactive server) with MudBlazor.</summary>
    public static IHostApplicationBuilder AddDesignerUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddAntiforgery(options => options.HeaderName = ApiRequestGuardMiddleware.HeaderName);
        return builder;
    }

    /// <summary>The middleware pipeline shared by every environment.</summary>
    public static WebApplication UseDesignerPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        Demo.DemoReceiverServices.UseDemoReceiverGuard(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<ApiRequestGuardMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps the REST API, OpenAPI document, Scalar UI and health endpoint.</summary>
    public static WebApplication MapDesignerApi(this WebApplication app)
    {
        var openApi = app.MapOpenApi();
        var scalar = app.MapScalarApiReference();
        if (!app.Environment.IsDevelopment())
        {
            // The API map is a guide for attackers too; outside Development only signed-in users get it.
            openApi.RequireAuthorization();
            scalar.RequireAuthorization();
        }

        app.MapHealthChecks("/health");
        var api = app.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapWorkflowEndpoints();
        api.MapVersionEndpoints();
        api.MapAuditEndpoints();
        api.MapModelEndpoints();
        api.MapRunEndpoints();
        api.MapTaskEndpoints();
        api.MapCollectionEndpoints();
        api.MapUserEndpoints();
        api.MapEvaluationEndpoints();
        api.MapRolloutEndpoints();
        api.MapApiKeyEndpoints();
        api.MapScheduleEndpoints();
        Batches.BatchEndpoints.MapBatchEndpoints(api);
        Notifications.NotificationEndpoints.MapNotificationEndpoints(api);
        app.MapWebhookEndpoints();
        Actions.ActionConnectionEndpoints.MapActionConnectionEndpoints(api);
        Demo.DemoReceiverEndpoints.MapDemoReceiverEndpoints(app);
        app.MapAccountEndpoints();
        return app;
    }

    /// <summary>Maps the Blazor components and their static assets.</summary>
    public static WebApplication MapDesignerUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static Task RedirectOrStatus<TOptions>(
        Microsoft.AspNetCore.Authentication.RedirectContext<TOptions> context, int status)
        where TOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
