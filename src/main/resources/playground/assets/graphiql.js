(function () {
  var endpoint = new URL('/graphql', window.location.href).toString();
  // Same host and port, ws: or wss: as the page is http: or https: (CSP connect-src 'self' covers both).
  var socket = new URL('/graphql-ws', window.location.href);
  socket.protocol = socket.protocol === 'https:' ? 'wss:' : 'ws:';

  // Queries and mutations: POST application/json to /graphql. Headers typed into the "Headers" editor
  // (for example {"Authorization": "Bearer <token>"}) are sent with every request.
  // Subscriptions: a WebSocket to /graphql-ws (graphql-ws protocol, the client bundled in GraphiQL). A
  // browser cannot set headers on a WebSocket, so the same Headers editor content is sent as the
  // connection_init payload, {"Authorization": "Bearer <token>"}, which the server authenticates.
  var fetcher = GraphiQL.createFetcher({
    url: endpoint,
    subscriptionUrl: socket.toString(),
    headers: { 'Accept': 'application/json' }
  });

  var defaultQuery =
    '# Knowledge Graph Lab — GraphQL playground\n' +
    '#\n' +
    '# Queries are sent as POST (JSON) to /graphql; subscriptions over a\n' +
    '# WebSocket to /graphql-ws, e.g. subscription { jobProgress(id: "…") { state stage percent } }\n' +
    '#\n' +
    '# To authenticate, add this in the Headers tab:\n' +
    '#   { "Authorization": "Bearer <token>" }\n' +
    '#\n' +
    '# Run with Ctrl+Enter (Cmd+Enter on macOS).\n' +
    '\n' +
    '{\n' +
    '  __typename\n' +
    '}\n';

  // Links in account mail open the playground with the operation filled in:
  // /graphiql?query=...&variables=...
  var params = new URLSearchParams(window.location.search);
  var props = {
    fetcher: fetcher,
    defaultQuery: defaultQuery,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false
  };
  if (params.get('query')) {
    props.query = params.get('query');
    props.variables = params.get('variables') || undefined;
    props.defaultEditorToolsVisibility = 'variables';
  }
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(
      GraphiQL,
      props,
      React.createElement(GraphiQL.Logo, null, 'Knowledge Graph Lab')
    )
  );
})();
