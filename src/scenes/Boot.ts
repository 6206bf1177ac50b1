import * as Phaser from 'phaser';

/** First scene: nothing to load yet but what the loading screen itself needs. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.scene.start('Preloader');
  }
}
