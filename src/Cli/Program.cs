using EdgeCloud.Cli;

return await CliApp.Create().Parse(args).InvokeAsync();
