namespace EdgeCloud.Shared;

internal static class SharedMarker;
