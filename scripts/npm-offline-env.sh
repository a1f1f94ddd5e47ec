# Source this before `npm install`/`npm ci` on a machine without internet access
# (only the npm registry): native packages then never try to download binaries.
export ONNXRUNTIME_NODE_INSTALL=skip
export ONNXRUNTIME_NODE_INSTALL_CUDA=skip
export NODE_LLAMA_CPP_SKIP_DOWNLOAD=true
# node-gyp builds against the machine's Node headers instead of downloading them.
if [ -f /usr/include/node/node_api.h ] && [ -z "${npm_config_nodedir:-}" ]; then
  export npm_config_nodedir=/usr
fi
