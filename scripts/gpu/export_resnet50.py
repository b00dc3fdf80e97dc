"""Exports torchvision's ResNet-50 (random weights: speed only) to ONNX, opset 17, with a dynamic batch axis."""
import sys

import onnx
import torch
import torchvision

out = sys.argv[1]
model = torchvision.models.resnet50(weights=None).eval()
# Batch 2, not 1: torch.export specialises a dimension of size 1 to the constant 1.
example = (torch.randn(2, 3, 224, 224),)
names = dict(input_names=["input"], output_names=["logits"], opset_version=17)
try:
    torch.onnx.export(model, example, out, dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, dynamo=False, **names)
except Exception as error:  # a torch without the TorchScript exporter: use torch.export, weights kept inside the file
    print(f"TorchScript export failed ({error}); trying torch.export", file=sys.stderr)
    batch = torch.export.Dim("batch", min=1, max=256)
    torch.onnx.export(model, example, out, dynamic_shapes={"x": {0: batch}}, dynamo=True, external_data=False, **names)
batch_dim = onnx.load(out, load_external_data=False).graph.input[0].type.tensor_type.shape.dim[0]
if not batch_dim.dim_param:
    sys.exit(f"{out}: the batch axis came out fixed ({batch_dim.dim_value}); the bench needs it dynamic to measure batching")
print(f"exported ResNet-50 to {out} (batch axis '{batch_dim.dim_param}')")
