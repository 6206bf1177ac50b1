// The part of Phaser the game uses, built from Phaser's own sources (its official "core" selection
// plus the game objects, loader file type, curve and shape the game draws with), in place of the
// prebuilt bundle with everything (physics, tilemaps, sound, particles…): less to parse and run on
// every cold load. Types still come from the 'phaser' package; vite.config.ts points 'phaser' here.
// Without sound: the game has none (audio.noAudio in src/app/startGame.ts).
require('phaser/src/polyfills/requestVideoFrame');

var CONST = require('phaser/src/const');
var Extend = require('phaser/src/utils/object/Extend');



var Phaser = {

    Animations: require('phaser/src/animations'),
    BlendModes: require('phaser/src/renderer/BlendModes'),
    Cache: require('phaser/src/cache'),
    Cameras: { Scene2D: require('phaser/src/cameras/2d') },
    Core: require('phaser/src/core'),
    Class: require('phaser/src/utils/Class'),
    Data: require('phaser/src/data'),
    Display: { Masks: require('phaser/src/display/mask') },
    DOM: require('phaser/src/dom'),
    Events: require('phaser/src/events'),
    Filters: require('phaser/src/filters'),
    Game: require('phaser/src/core/Game'),
    GameObjects: {
        DisplayList: require('phaser/src/gameobjects/DisplayList'),
        GameObjectCreator: require('phaser/src/gameobjects/GameObjectCreator'),
        GameObjectFactory: require('phaser/src/gameobjects/GameObjectFactory'),
        UpdateList: require('phaser/src/gameobjects/UpdateList'),
        Components: require('phaser/src/gameobjects/components'),
        BuildGameObject: require('phaser/src/gameobjects/BuildGameObject'),
        BuildGameObjectAnimation: require('phaser/src/gameobjects/BuildGameObjectAnimation'),
        GameObject: require('phaser/src/gameobjects/GameObject'),
        Graphics: require('phaser/src/gameobjects/graphics/Graphics'),
        Image: require('phaser/src/gameobjects/image/Image'),
        Layer: require('phaser/src/gameobjects/layer/Layer'),
        Sprite: require('phaser/src/gameobjects/sprite/Sprite'),
        Text: require('phaser/src/gameobjects/text/Text'),
        Container: require('phaser/src/gameobjects/container/Container'),
        RenderTexture: require('phaser/src/gameobjects/rendertexture/RenderTexture'),
        TileSprite: require('phaser/src/gameobjects/tilesprite/TileSprite'),
        Rectangle: require('phaser/src/gameobjects/shape/rectangle/Rectangle'),
        Events: require('phaser/src/gameobjects/events'),
        Factories: {
            Graphics: require('phaser/src/gameobjects/graphics/GraphicsFactory'),
            Image: require('phaser/src/gameobjects/image/ImageFactory'),
            Layer: require('phaser/src/gameobjects/layer/LayerFactory'),
            Sprite: require('phaser/src/gameobjects/sprite/SpriteFactory'),
            Text: require('phaser/src/gameobjects/text/TextFactory'),
            Container: require('phaser/src/gameobjects/container/ContainerFactory'),
            RenderTexture: require('phaser/src/gameobjects/rendertexture/RenderTextureFactory'),
            TileSprite: require('phaser/src/gameobjects/tilesprite/TileSpriteFactory'),
            Rectangle: require('phaser/src/gameobjects/shape/rectangle/RectangleFactory')
        },
        Creators: {
            Graphics: require('phaser/src/gameobjects/graphics/GraphicsCreator'),
            Image: require('phaser/src/gameobjects/image/ImageCreator'),
            Layer: require('phaser/src/gameobjects/layer/LayerCreator'),
            Sprite: require('phaser/src/gameobjects/sprite/SpriteCreator'),
            Text: require('phaser/src/gameobjects/text/TextCreator')
        }
    },
    Input: require('phaser/src/input'),
    Loader: {
        FileTypes: {
            SVGFile: require('phaser/src/loader/filetypes/SVGFile'),
            AnimationJSONFile: require('phaser/src/loader/filetypes/AnimationJSONFile'),
            AtlasJSONFile: require('phaser/src/loader/filetypes/AtlasJSONFile'),
            AudioFile: require('phaser/src/loader/filetypes/AudioFile'),
            AudioSpriteFile: require('phaser/src/loader/filetypes/AudioSpriteFile'),
            HTML5AudioFile: require('phaser/src/loader/filetypes/HTML5AudioFile'),
            ImageFile: require('phaser/src/loader/filetypes/ImageFile'),
            JSONFile: require('phaser/src/loader/filetypes/JSONFile'),
            MultiAtlasFile: require('phaser/src/loader/filetypes/MultiAtlasFile'),
            PluginFile: require('phaser/src/loader/filetypes/PluginFile'),
            ScriptFile: require('phaser/src/loader/filetypes/ScriptFile'),
            SpriteSheetFile: require('phaser/src/loader/filetypes/SpriteSheetFile'),
            TextFile: require('phaser/src/loader/filetypes/TextFile'),
            XMLFile: require('phaser/src/loader/filetypes/XMLFile')
        },
        File: require('phaser/src/loader/File'),
        FileTypesManager: require('phaser/src/loader/FileTypesManager'),
        GetURL: require('phaser/src/loader/GetURL'),
        LoaderPlugin: require('phaser/src/loader/LoaderPlugin'),
        MergeXHRSettings: require('phaser/src/loader/MergeXHRSettings'),
        MultiFile: require('phaser/src/loader/MultiFile'),
        XHRLoader: require('phaser/src/loader/XHRLoader'),
        XHRSettings: require('phaser/src/loader/XHRSettings')
    },
    Curves: { QuadraticBezier: require('phaser/src/curves/QuadraticBezierCurve') },
    Geom: { Rectangle: require('phaser/src/geom/rectangle') },
    Math: {
        Between: require('phaser/src/math/Between'),
        DegToRad: require('phaser/src/math/DegToRad'),
        FloatBetween: require('phaser/src/math/FloatBetween'),
        RadToDeg: require('phaser/src/math/RadToDeg'),
        Vector2: require('phaser/src/math/Vector2')
    },
    Plugins: require('phaser/src/plugins'),
    Renderer: require('phaser/src/renderer'),
    Scale: require('phaser/src/scale'),
    ScaleModes: require('phaser/src/renderer/ScaleModes'),
    Scene: require('phaser/src/scene/Scene'),
    Scenes: require('phaser/src/scene'),
    Structs: require('phaser/src/structs'),
    Textures: require('phaser/src/textures'),
    Time: require('phaser/src/time'),
    TintModes: require('phaser/src/renderer/TintModes'),
    Tweens: require('phaser/src/tweens')
};





Phaser = Extend(false, Phaser, CONST);


module.exports = Phaser;
