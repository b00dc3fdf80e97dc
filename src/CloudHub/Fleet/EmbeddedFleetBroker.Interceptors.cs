using EdgeCloud.Shared.Fleet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace EdgeCloud.CloudHub.Fleet;

internal sealed partial class EmbeddedFleetBroker
{
    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs args)
    {
        if (args.UserName == FleetIdentities.Operator)
        {
            if (_fleet.OperatorPassword.Length > 0 && args.Password == _fleet.OperatorPassword)
            {
                args.SessionItems[OperatorItem] = true;
                return Task.CompletedTask;
            }
        }
        else if (_registry.Authenticate(args.UserName, args.Password) is { } device)
        {
            if (args.ClientId != device.Id)
            {
                args.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
                args.ReasonString = $"the client id must be the device id '{device.Id}'";
                Log.ConnectionRefused(_logger, args.UserName, args.RemoteEndPoint?.ToString() ?? "", args.ReasonString);
                return Task.CompletedTask;
            }

            args.SessionItems[DeviceItem] = device.Id;
            return Task.CompletedTask;
        }

        _counters.AuthenticationFailed();
        args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        Log.ConnectionRefused(_logger, args.UserName ?? "", args.RemoteEndPoint?.ToString() ?? "", "unknown user or wrong secret");
        return Task.CompletedTask;
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        if (args.ClientId == FleetIdentities.HubClientId || args.SessionItems?.Contains(OperatorItem) == true)
        {
            return Task.CompletedTask;
        }

        var topic = args.ApplicationMessage.Topic;
        if (args.SessionItems?[DeviceItem] is not string deviceId || !_registry.TryGet(deviceId, out var device))
        {
            Refuse(args, args.ClientId ?? "", topic, FleetRejectReason.ForbiddenTopic, "the sender is not an authenticated device");
            return Task.CompletedTask;
        }

        if (!FleetAcl.CanPublish(device, topic, out var leaf))
        {
            Refuse(args, deviceId, topic, FleetRejectReason.ForbiddenTopic, $"device '{deviceId}' may publish only to its own report topics under {FleetTopics.Device(device.Fleet, deviceId, "")}");
            return Task.CompletedTask;
        }

        if (_intake.Accept(deviceId, leaf, args.ApplicationMessage.Payload) is { } rejected)
        {
            args.ProcessPublish = false;
            args.Response.ReasonCode = rejected == FleetRejectReason.Oversized ? MqttPubAckReasonCode.QuotaExceeded : MqttPubAckReasonCode.PayloadFormatInvalid;
            return Task.CompletedTask;
        }

        // Consumed here: keep the retained copy (written by one loop), skip matching against every session's subscriptions.
        args.ProcessPublish = false;
        if (args.ApplicationMessage.Retain)
        {
            KeepRetained(args.ApplicationMessage);
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        if (args.SessionItems?.Contains(OperatorItem) == true)
        {
            return Task.CompletedTask;
        }

        var filter = args.TopicFilter.Topic;
        if (args.SessionItems?[DeviceItem] is string deviceId && _registry.TryGet(deviceId, out var device) && FleetAcl.CanSubscribe(device, filter))
        {
            return Task.CompletedTask;
        }

        args.ProcessSubscription = false;
        args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        _intake.Reject(args.ClientId ?? "", filter, FleetRejectReason.ForbiddenTopic, "a device may subscribe only within its own subtree and to its groups' desired topics");
        return Task.CompletedTask;
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs args)
    {
        // A clean DISCONNECT discards the will, so mark the device offline here. An unclean end publishes the will.
        if (args.DisconnectType == MqttClientDisconnectType.Clean && args.SessionItems?[DeviceItem] is string deviceId)
        {
            _registry.OnDisconnected(deviceId);
        }

        return Task.CompletedTask;
    }

    private void Refuse(InterceptingPublishEventArgs args, string sender, string topic, FleetRejectReason reason, string message)
    {
        args.ProcessPublish = false;
        args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
        _intake.Reject(sender, topic, reason, message);
    }
}
