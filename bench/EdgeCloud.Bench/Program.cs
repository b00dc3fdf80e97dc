using EdgeCloud.Bench.HubOverhead;

return args switch
{
    ["hub-overhead", .. var rest] => await HubOverheadCommand.RunAsync(rest),
    ["agent-path", .. var rest] => await EdgeCloud.Bench.AgentPath.AgentPathCommand.RunAsync(rest),
    ["outbox", .. var rest] => await EdgeCloud.Bench.Outbox.OutboxCommand.RunAsync(rest),
    ["fleet-fanout", .. var rest] => await EdgeCloud.Bench.FleetFanout.FleetFanoutCommand.RunAsync(rest),
    ["fleet-swarm", .. var rest] => await EdgeCloud.Bench.FleetFanout.FleetSwarmCommand.RunAsync(rest), // fleet-fanout's child
    ["fuzz", .. var rest] => await EdgeCloud.Bench.Fuzz.FuzzCommand.RunAsync(rest),
    ["batching", .. var rest] => await EdgeCloud.Bench.Batching.BatchingCommand.RunAsync(rest),
    ["throughput", .. var rest] => await EdgeCloud.Bench.Throughput.ThroughputCommand.RunAsync(rest),
    ["balancer-sim", .. var rest] => EdgeCloud.Bench.BalancerSim.BalancerSimCommand.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: EdgeCloud.Bench <command> [options]");
    Console.Error.WriteLine();
    Console.Error.WriteLine("commands:");
    Console.Error.WriteLine("  agent-path     the agent's local path vs in-process ORT, cache hits, and latency during a link blackhole");
    Console.Error.WriteLine("  balancer-sim   the seven backend policies on a simulated fleet of fast and slow backends (fake time): p50/p99/p99.9");
    Console.Error.WriteLine("  batching       closed-loop gRPC load at concurrency 1/8/32/64 against hub child processes, dynamic batching off vs on");
    Console.Error.WriteLine("  hub-overhead   latency the CloudHub adds over in-process ONNX Runtime (gRPC and REST, concurrency 1)");
    Console.Error.WriteLine("  outbox         durable outbox appends (in process and REST) at 1/8/64 producers, and the drain rate to a hub");
    Console.Error.WriteLine("  throughput     items/s through the hub's gRPC ModelInfer vs in-process ORT at concurrency 1/16, on cpu or cuda (GPU.md)");
    Console.Error.WriteLine();
    Console.Error.WriteLine(HubOverheadOptions.Help);
    return 2;
}
