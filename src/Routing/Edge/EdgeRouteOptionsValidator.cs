using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.Edge;

/// <summary>Validates <see cref="EdgeRouteOptions"/> from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class EdgeRouteOptionsValidator : IValidateOptions<EdgeRouteOptions>;
