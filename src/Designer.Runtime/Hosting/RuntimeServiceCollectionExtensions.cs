using Designer.Inference.Serving;
using Designer.Runtime.Actions;
using Designer.Runtime.ChatModels;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Expressions;
using Designer.Runtime.Grains;
using Designer.Persistence;
using Designer.Runtime.Hosting;
using Designer.Runtime.Policies;
using Designer.Runtime.HumanTasks;
using Designer.Runtime.Recovery;
using Designer.Runtime.Retrieval;
using Designer.Runtime.Rollouts;
using Designer.Runtime.Runs;
using Designer.Runtime.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The extension lives in the root namespace so Program.cs needs only `using Designer.Runtime;`.
namespace Designer.Runtime;

/// <summary>Registers the durable runtime.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RuntimeOptions"/> from <c>Designer:Runtime</c> (validated on start) and registers the
    /// durable trace sink (publishing committed rows on <see cref="ITraceNotifier"/>) and checkpoint store (over <c>IRunStore</c>, so call <c>AddDesignerPersistence</c>),
    /// <see cref="RuntimeServices"/> (with <see cref="IInferenceClient"/> and <see cref="IVectorSearch"/> when they
    /// are registered; none is faked), <see cref="WorkflowCompiler"/>, <see cref="WorkflowRunner"/>,
    /// <see cref="RunExecutionHost"/> (hosted), <see cref="RunService"/>, <see cref="IRunOwnership"/> (one process;
    /// the cluster replaces it with <see cref="SiloRunOwnership"/>), <see cref="RunRecoveryService"/> (hosted) and
    /// <see cref="ReminderGateDeadlines"/> (gate SLAs as reminders: the host must run the Orleans silo).
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerRuntime(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RuntimeOptions>().Bind(builder.Configuration.GetSection(RuntimeOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RuntimeOptions>, RuntimeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITraceNotifier, TraceNotifier>();
        services.TryAddSingleton<StorageFaults>();

        // Issue 14: the run store tokenises every payload through the vault (values encrypted with data protection,
        // whose key ring the web host keeps in the database); the engine reads values back through IRunVault.
        services.AddDataProtection();
        services.TryAddSingleton<IPiiDetector, PiiDetector>();
        services.TryAddSingleton<RunVault>();
        services.TryAddSingleton<IRunVault>(sp => sp.GetRequiredService<RunVault>());
        services.TryAddSingleton<RunPayloadRescan>();
        services.AddHostedService<RunPayloadRescanService>();
        // Issue 16: approved HTTP connections for action nodes; named clients need the list before the container is built.
        var actionSection = builder.Configuration.GetSection(ActionOptions.SectionName);
        services.AddOptions<ActionOptions>().Bind(actionSection).ValidateOnStart();
        ActionServices.AddActionConnections(services, actionSection.Get<ActionOptions>() ?? new ActionOptions());
        services.TryAddSingleton(sp => new DurableTraceSink(
            sp.GetRequiredService<IRunStore>(),
            sp.GetRequiredService<StorageFaults>(),
            sp.GetService<ITraceNotifier>(),
            sp.GetRequiredService<IOptions<RuntimeOptions>>().Value.BatchRunWrites,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITraceSink>(sp => sp.GetRequiredService<DurableTraceSink>());
        services.TryAddSingleton<IRunCheckpointStore>(sp => new DurableCheckpointStore(
            sp.GetRequiredService<IRunStore>(),
            sp.GetRequiredService<StorageFaults>(),
            sp.GetService<IRunVault>(),
            sp.GetRequiredService<DurableTraceSink>()));
        services.TryAddSingleton(sp => new RuntimeServices
        {
            Sandbox = new ExpressionSandbox(),
            Trace = sp.GetRequiredService<ITraceSink>(),
            Time = sp.GetRequiredService<TimeProvider>(),
            Inference = sp.GetService<IInferenceClient>(),
            VectorSearch = sp.GetService<IVectorSearch>(),
            Actions = sp.GetRequiredService<ActionRuntime>(),
            Chat = ChatRuntimeFactory.Create(sp),
        });
        services.TryAddSingleton(sp => new WorkflowCompiler(sp.GetRequiredService<RuntimeServices>()));
        services.TryAddSingleton(sp => new WorkflowRunner(sp.GetRequiredService<IRunCheckpointStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RunExecutionHost>();
        services.AddHostedService(sp => sp.GetRequiredService<RunExecutionHost>());
        services.TryAddSingleton<RolloutRouter>();
        services.TryAddSingleton<LiveShadowQueue>();
        services.TryAddSingleton<RunCompensator>();
        services.TryAddSingleton<RunService>();
        services.TryAddSingleton<GrainCallSigner>();
        services.TryAddSingleton<IRunOwnership, ProcessRunOwnership>();
        services.TryAddSingleton<IGateDeadlines, ReminderGateDeadlines>();
        services.AddHostedService<RunRecoveryService>();
        return builder;
    }
}
