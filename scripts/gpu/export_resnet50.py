"""Exports torchvision's ResNet-50 (random weights: speed only) to ONNX, opset 17, with a dynamic batch axis."""
import sys

import torch
import torchvision

out = sys.argv[1]
model = torchvision.models.resnet50(weights=None).eval()
example = (torch.randn(1, 3, 224, 224),)
names = dict(input_names=["input"], output_names=["logits"], opset_version=17)
try:
    torch.onnx.export(model, example, out, dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, dynamo=False, **names)
except Exception as error:  # a torch without the TorchScript exporter: use torch.export, weights kept inside the file
    print(f"TorchScript export failed ({error}); trying torch.export", file=sys.stderr)
    batch = torch.export.Dim("batch", min=1, max=256)
    torch.onnx.export(model, example, out, dynamic_shapes={"x": {0: batch}}, dynamo=True, external_data=False, **names)
print(f"exported ResNet-50 to {out}")
