using System.Diagnostics;
using EdgeCloud.TestUtilities.Fuzzing;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCloud.Bench.Fuzz;

/// <summary>
/// Publishes hostile fleet payloads with QoS 1 and records each PUBACK: the embedded broker answers a refusal in
/// the PUBACK, so every case must come back with a failure reason code, within the bound, on a session that stays up.
/// </summary>
internal static class MqttFuzz
{
    public static async Task<MqttFuzzResult> PublishAsync(
        string host, int port, string user, string password, string clientId, int count, Func<FleetFuzzCase> next, bool expectRefusal, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithCredentials(user, password)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTimeout(bound)
            .Build();
        var connected = await client.ConnectAsync(options, cancellationToken);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"'{user}' could not connect to the broker: {connected.ResultCode}");
        }

        var result = new MqttFuzzResult();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var fuzz = next();
            result.Kinds[fuzz.Kind] = result.Kinds.GetValueOrDefault(fuzz.Kind) + 1;
            var call = Stopwatch.GetTimestamp();
            try
            {
                if (!client.IsConnected)
                {
                    result.Findings.Add($"#{i}: the broker had closed the session; reconnecting");
                    await ReconnectAsync(client, options, bound, cancellationToken);
                }

                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(bound);
                var message = new MqttApplicationMessageBuilder().WithTopic(fuzz.Topic).WithPayload(fuzz.Payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                var ack = await client.PublishAsync(message, bounded.Token);
                var code = ack.ReasonCode.ToString();
                result.Acks[code] = result.Acks.GetValueOrDefault(code) + 1;
                if (expectRefusal && ack.IsSuccess)
                {
                    result.Findings.Add($"#{i} {fuzz.Kind} on {fuzz.Topic}: accepted ({fuzz.Payload.Length} bytes)");
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                result.Findings.Add($"#{i} {fuzz.Kind} on {fuzz.Topic}: {ex.GetType().Name} {ex.Message}");
            }

            var elapsed = Stopwatch.GetElapsedTime(call);
            result.Slowest = elapsed > result.Slowest ? elapsed : result.Slowest;
        }

        result.Elapsed = Stopwatch.GetElapsedTime(started);
        await client.DisconnectAsync(cancellationToken: cancellationToken);
        return result;
    }

    /// <summary>Reconnects once the client has finished closing the old session (bounded).</summary>
    private static async Task ReconnectAsync(IMqttClient client, MqttClientOptions options, TimeSpan bound, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await client.ConnectAsync(options, cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (Stopwatch.GetElapsedTime(started) < bound)
            {
                await Task.Delay(20, cancellationToken); // "connect/disconnect is pending": the old session is still closing
            }
        }
    }
}

internal sealed class MqttFuzzResult
{
    public SortedDictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Acks { get; } = new(StringComparer.Ordinal);

    public List<string> Findings { get; } = [];

    public TimeSpan Slowest { get; set; }

    public TimeSpan Elapsed { get; set; }
}
