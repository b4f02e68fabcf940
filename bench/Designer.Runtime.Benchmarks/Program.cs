using System.Globalization;
using Designer.Runtime.Benchmarks;

// `engine [runs]`: engine overhead per node vs direct executor calls (same process, same run).
// `durable [runs] [hold|nohold]`: one run at a time through the durable SQLite stores, without HTTP; `nohold` reads
// the run's vault and sequences per write (as before issue 15).
// `http [runs] [concurrency] [maxConcurrentRuns]`: runs/second over HTTP against one app process on SQLite.
// `wrk [concurrencies] [seconds] [warmupSeconds] [maxConcurrentRuns] [hosts]`: n8n's bench driven against the app
// (webhook, synchronous reply, wrk closed loop), e.g. `wrk 8,32,64 30 10 8`; bench/n8n-compare.sh runs it after n8n.
// DESIGNER_BENCH_POSTGRES (+ DESIGNER_BENCH_REDIS for 2 hosts) runs it on PostgreSQL.
var mode = args.Length > 0 ? args[0] : "engine";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (mode)
{
    case "engine":
        await EngineOverhead.RunAsync(Arg(1, 2000));
        break;
    case "durable":
        await DurableRuns.RunAsync(Arg(1, 1000), args.Length <= 2 || args[2] != "nohold");
        break;
    case "http":
        await HttpLoad.RunAsync(Arg(1, 2000), Arg(2, 32), Arg(3, 8));
        break;
    case "wrk":
        await WrkLoad.RunAsync(
            [.. (args.Length > 1 ? args[1] : "8,32,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))],
            Arg(2, 30), Arg(3, 10), Arg(4, 8), Arg(5, 1));
        break;
    default:
        Console.Error.WriteLine("usage: engine [runs] | durable [runs] [hold|nohold] | http [runs] [concurrency] [maxConcurrentRuns] | wrk [c,c,...] [seconds] [warmup] [maxConcurrentRuns] [hosts]");
        Environment.ExitCode = 2;
        break;
}
